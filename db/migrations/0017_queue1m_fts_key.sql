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
  FROM `complaints`;
