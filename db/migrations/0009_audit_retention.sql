-- Audit rows past their retention period may be purged (the privacy notice promises
-- RETENTION.auditMonths, src/domain/privacy-notice.ts), but the trail stays tamper-proof:
-- the database refuses every UPDATE (audit_log_no_update, unchanged) and every DELETE of a
-- row younger than six months, the legal minimum (网络安全法 art. 21), judged by the
-- database's own clock, whatever code runs against it.
DROP TRIGGER `audit_log_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_delete_only_expired` BEFORE DELETE ON `audit_log`
WHEN old.`at` > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-6 months')
BEGIN
	SELECT RAISE(ABORT, 'audit_log rows are kept at least six months');
END;
