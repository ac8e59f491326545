DROP INDEX `applications_state_idx`;--> statement-breakpoint
CREATE INDEX `applications_queue_idx` ON `applications` (`intake_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_state_idx` ON `applications` (`intake_id`,`state`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `complaints_category_idx` ON `complaints` (`category`);--> statement-breakpoint
CREATE INDEX `complaints_queue_idx` ON `complaints` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_status_queue_idx` ON `complaints` (`status`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_category_queue_idx` ON `complaints` (`category`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_category_status_queue_idx` ON `complaints` (`category`,`status`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_department_queue_idx` ON `complaints` (`department`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_department_status_queue_idx` ON `complaints` (`department`,`status`,`received_at`,`id`);