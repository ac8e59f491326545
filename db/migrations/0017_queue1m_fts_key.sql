DROP INDEX `complaints_pending_extension_idx`;--> statement-breakpoint
DROP INDEX `complaints_information_received_idx`;--> statement-breakpoint
CREATE INDEX `complaints_waiting_draft_idx` ON `complaints` (`urgency`,`id`) WHERE draft_answer IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_waiting_extension_idx` ON `complaints` (`urgency`,`id`) WHERE pending_extension_days > 0;--> statement-breakpoint
CREATE INDEX `complaints_waiting_information_idx` ON `complaints` (`urgency`,`id`) WHERE information_received_at IS NOT NULL;