DROP INDEX `complaints_pending_extension_idx`;--> statement-breakpoint
DROP INDEX `complaints_information_received_idx`;--> statement-breakpoint
CREATE INDEX `complaints_waiting_draft_idx` ON `complaints` (`urgency`,`id`) WHERE draft_answer IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_waiting_extension_idx` ON `complaints` (`urgency`,`id`) WHERE pending_extension_days > 0;--> statement-breakpoint
CREATE INDEX `complaints_waiting_information_idx` ON `complaints` (`urgency`,`id`) WHERE information_received_at IS NOT NULL;--> statement-breakpoint
-- Issue 19: the FTS rowid of a case becomes year × 10^9 + its reference's number
-- (TS2026-100042 → 2026000100042), which keeps every digit: the key of migration 0014,
-- year × 100000 + number, gave TS2026-100042 the key of TS2027-00042, so a year past 99,999
-- complaints made their words find each other and a case's own words not find it. The index
-- is rebuilt from the cases and the triggers rewritten with the new key.
DROP TRIGGER `complaints_fts_insert`;--> statement-breakpoint
DROP TRIGGER `complaints_fts_update`;--> statement-breakpoint
DROP TRIGGER `complaints_fts_delete`;--> statement-breakpoint
DROP TABLE `complaints_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `complaints_fts` USING fts5(`body`, content='', contentless_delete=1, tokenize='trigram');--> statement-breakpoint
CREATE TRIGGER `complaints_fts_insert` AFTER INSERT ON `complaints` BEGIN
  INSERT INTO `complaints_fts` (rowid, `body`) VALUES (
    CAST(substr(new.`reference`, 3, 4) AS INTEGER) * 1000000000 + CAST(substr(new.`reference`, 8) AS INTEGER),
    concat_ws(char(10), new.`what_happened`, new.`not_accepted_reason`, new.`draft_answer`, new.`answer`));
END;--> statement-breakpoint
CREATE TRIGGER `complaints_fts_update` AFTER UPDATE OF `what_happened`, `not_accepted_reason`, `draft_answer`, `answer` ON `complaints` BEGIN
  DELETE FROM `complaints_fts` WHERE rowid = CAST(substr(old.`reference`, 3, 4) AS INTEGER) * 1000000000 + CAST(substr(old.`reference`, 8) AS INTEGER);
  INSERT INTO `complaints_fts` (rowid, `body`) VALUES (
    CAST(substr(new.`reference`, 3, 4) AS INTEGER) * 1000000000 + CAST(substr(new.`reference`, 8) AS INTEGER),
    concat_ws(char(10), new.`what_happened`, new.`not_accepted_reason`, new.`draft_answer`, new.`answer`));
END;--> statement-breakpoint
CREATE TRIGGER `complaints_fts_delete` AFTER DELETE ON `complaints` BEGIN
  DELETE FROM `complaints_fts` WHERE rowid = CAST(substr(old.`reference`, 3, 4) AS INTEGER) * 1000000000 + CAST(substr(old.`reference`, 8) AS INTEGER);
END;--> statement-breakpoint
INSERT INTO `complaints_fts` (rowid, `body`)
  SELECT CAST(substr(`reference`, 3, 4) AS INTEGER) * 1000000000 + CAST(substr(`reference`, 8) AS INTEGER),
    concat_ws(char(10), `what_happened`, `not_accepted_reason`, `draft_answer`, `answer`)
  FROM `complaints`;--> statement-breakpoint
DROP INDEX `applications_review_idx`;--> statement-breakpoint
DROP INDEX `applications_grade_review_idx`;--> statement-breakpoint
ALTER TABLE `applications` ADD `documents_pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `applications_documents_review_idx` ON `applications` (`intake_id`,`documents_pending`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`) WHERE state <> 'draft';--> statement-breakpoint
CREATE INDEX `applications_documents_state_review_idx` ON `applications` (`intake_id`,`documents_pending`,`state`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`) WHERE state <> 'draft';--> statement-breakpoint
CREATE INDEX `applications_review_idx` ON `applications` (`intake_id`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`) WHERE state <> 'draft';--> statement-breakpoint
CREATE INDEX `applications_grade_review_idx` ON `applications` (`intake_id`,`grade`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`) WHERE state <> 'draft';--> statement-breakpoint
-- Issue 19: whether an application has a document waiting for review, kept by triggers on
-- every change of a document (recomputed, not toggled, so nothing can drift), and filled in
-- once for the applications already there.
CREATE TRIGGER `application_documents_pending_insert` AFTER INSERT ON `application_documents` BEGIN
  UPDATE `applications` SET `documents_pending` = EXISTS (SELECT 1 FROM `application_documents` d WHERE d.`application_id` = new.`application_id` AND d.`review` = 'pending') WHERE `id` = new.`application_id`;
END;--> statement-breakpoint
CREATE TRIGGER `application_documents_pending_update` AFTER UPDATE OF `review`, `application_id` ON `application_documents` BEGIN
  UPDATE `applications` SET `documents_pending` = EXISTS (SELECT 1 FROM `application_documents` d WHERE d.`application_id` = `applications`.`id` AND d.`review` = 'pending') WHERE `id` IN (old.`application_id`, new.`application_id`);
END;--> statement-breakpoint
CREATE TRIGGER `application_documents_pending_delete` AFTER DELETE ON `application_documents` BEGIN
  UPDATE `applications` SET `documents_pending` = EXISTS (SELECT 1 FROM `application_documents` d WHERE d.`application_id` = old.`application_id` AND d.`review` = 'pending') WHERE `id` = old.`application_id`;
END;--> statement-breakpoint
UPDATE `applications` SET `documents_pending` = 1 WHERE `id` IN (SELECT `application_id` FROM `application_documents` WHERE `review` = 'pending');--> statement-breakpoint
CREATE TABLE `application_schools` (
	`application_id` text NOT NULL,
	`intake_id` text NOT NULL,
	`section_id` text NOT NULL,
	`review_key` text NOT NULL,
	PRIMARY KEY(`intake_id`, `section_id`, `review_key`, `application_id`)
);
--> statement-breakpoint
CREATE INDEX `application_schools_application_idx` ON `application_schools` (`application_id`);--> statement-breakpoint
-- Issue 19: the schools each queued application names, with its review key, kept by triggers
-- on every change of what they are made of (rewritten, not patched), and filled in once.
CREATE TRIGGER `application_schools_insert` AFTER INSERT ON `applications` BEGIN
  INSERT INTO `application_schools` (`application_id`, `intake_id`, `section_id`, `review_key`)
    SELECT new.`id`, new.`intake_id`, j.`value`, CASE WHEN new.`state` = 'submitted' OR new.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(new.`submitted_at`, '') FROM json_each(new.`preferences`) j WHERE new.`state` <> 'draft'
    UNION SELECT new.`id`, new.`intake_id`, new.`offer_section`, CASE WHEN new.`state` = 'submitted' OR new.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(new.`submitted_at`, '') WHERE new.`state` <> 'draft' AND new.`offer_section` IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `application_schools_update` AFTER UPDATE OF `state`, `submitted_at`, `preferences`, `offer_section`, `intake_id` ON `applications` BEGIN
  DELETE FROM `application_schools` WHERE `application_id` = old.`id`;
  INSERT INTO `application_schools` (`application_id`, `intake_id`, `section_id`, `review_key`)
    SELECT new.`id`, new.`intake_id`, j.`value`, CASE WHEN new.`state` = 'submitted' OR new.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(new.`submitted_at`, '') FROM json_each(new.`preferences`) j WHERE new.`state` <> 'draft'
    UNION SELECT new.`id`, new.`intake_id`, new.`offer_section`, CASE WHEN new.`state` = 'submitted' OR new.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(new.`submitted_at`, '') WHERE new.`state` <> 'draft' AND new.`offer_section` IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `application_schools_delete` AFTER DELETE ON `applications` BEGIN
  DELETE FROM `application_schools` WHERE `application_id` = old.`id`;
END;--> statement-breakpoint
INSERT INTO `application_schools` (`application_id`, `intake_id`, `section_id`, `review_key`)
    SELECT a.`id`, a.`intake_id`, j.`value`, CASE WHEN a.`state` = 'submitted' OR a.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(a.`submitted_at`, '') FROM `applications` a, json_each(a.`preferences`) j WHERE a.`state` <> 'draft'
    UNION SELECT a.`id`, a.`intake_id`, a.`offer_section`, CASE WHEN a.`state` = 'submitted' OR a.`state` = 'under_review' THEN '0:' ELSE '1:' END || coalesce(a.`submitted_at`, '') FROM `applications` a WHERE a.`state` <> 'draft' AND a.`offer_section` IS NOT NULL;
