ALTER TABLE `complaints` ADD `due_on` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `clock_state` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `urgency` text DEFAULT '2:' NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `clock_on` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `pending_extension_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `information_received_at` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `assigned_to` text;--> statement-breakpoint
CREATE INDEX `complaints_urgency_idx` ON `complaints` (`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_status_urgency_idx` ON `complaints` (`status`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_category_urgency_idx` ON `complaints` (`category`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_department_urgency_idx` ON `complaints` (`department`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_department_status_urgency_idx` ON `complaints` (`department`,`status`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_school_urgency_idx` ON `complaints` (`school`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_assigned_urgency_idx` ON `complaints` (`assigned_to`,`urgency`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_clock_pending_idx` ON `complaints` (`clock_on`);--> statement-breakpoint
CREATE INDEX `complaints_pending_extension_idx` ON `complaints` (`pending_extension_days`);--> statement-breakpoint
CREATE INDEX `complaints_information_received_idx` ON `complaints` (`information_received_at`);--> statement-breakpoint
-- Issue 19: words in a case's staff-visible text, searched with FTS5's trigram tokenizer
-- (works for Chinese, which has no spaces). Contentless with delete support, so the text is
-- not stored twice; the FTS rowid is the reference's number (TS2026-00042 → 202600042),
-- stable for ever, unlike the complaints table's implicit rowid, which VACUUM may renumber.
-- The triggers keep it in step with every insert, text change and purge.
CREATE VIRTUAL TABLE `complaints_fts` USING fts5(`body`, content='', contentless_delete=1, tokenize='trigram');--> statement-breakpoint
CREATE TRIGGER `complaints_fts_insert` AFTER INSERT ON `complaints` BEGIN
  INSERT INTO `complaints_fts` (rowid, `body`) VALUES (
    CAST(substr(new.`reference`, 3, 4) AS INTEGER) * 100000 + CAST(substr(new.`reference`, 8) AS INTEGER),
    concat_ws(char(10), new.`what_happened`, new.`not_accepted_reason`, new.`draft_answer`, new.`answer`));
END;--> statement-breakpoint
CREATE TRIGGER `complaints_fts_update` AFTER UPDATE OF `what_happened`, `not_accepted_reason`, `draft_answer`, `answer` ON `complaints` BEGIN
  DELETE FROM `complaints_fts` WHERE rowid = CAST(substr(old.`reference`, 3, 4) AS INTEGER) * 100000 + CAST(substr(old.`reference`, 8) AS INTEGER);
  INSERT INTO `complaints_fts` (rowid, `body`) VALUES (
    CAST(substr(new.`reference`, 3, 4) AS INTEGER) * 100000 + CAST(substr(new.`reference`, 8) AS INTEGER),
    concat_ws(char(10), new.`what_happened`, new.`not_accepted_reason`, new.`draft_answer`, new.`answer`));
END;--> statement-breakpoint
CREATE TRIGGER `complaints_fts_delete` AFTER DELETE ON `complaints` BEGIN
  DELETE FROM `complaints_fts` WHERE rowid = CAST(substr(old.`reference`, 3, 4) AS INTEGER) * 100000 + CAST(substr(old.`reference`, 8) AS INTEGER);
END;--> statement-breakpoint
INSERT INTO `complaints_fts` (rowid, `body`)
  SELECT CAST(substr(`reference`, 3, 4) AS INTEGER) * 100000 + CAST(substr(`reference`, 8) AS INTEGER),
    concat_ws(char(10), `what_happened`, `not_accepted_reason`, `draft_answer`, `answer`)
  FROM `complaints`;
