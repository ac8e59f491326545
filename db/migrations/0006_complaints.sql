CREATE TABLE `complaint_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`blob_key` text NOT NULL,
	`seal_context` text NOT NULL,
	`content_type` text NOT NULL,
	`original_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_attachments_case_idx` ON `complaint_attachments` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`actor_id` text,
	`actor_role` text,
	`text` text,
	`detail` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_case_idx` ON `complaint_events` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaint_pauses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` text NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_pauses_case_idx` ON `complaint_pauses` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`receipt_code_hash` text NOT NULL,
	`category` text NOT NULL,
	`school` text NOT NULL,
	`what_happened` text NOT NULL,
	`happened_on` text NOT NULL,
	`contact_mode` text NOT NULL,
	`contact_sealed` text,
	`department_may_contact` integer NOT NULL,
	`publish_consent` integer NOT NULL,
	`status` text NOT NULL,
	`department` text,
	`received_at` text NOT NULL,
	`received_on` text NOT NULL,
	`decided_on` text,
	`accepted_on` text,
	`not_accepted_reason` text,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`review_requested_on` text,
	`draft_outcome` text,
	`draft_answer` text,
	`draft_summary` text,
	`outcome` text,
	`answer` text,
	`answered_on` text,
	`answer_due` text,
	`public_summary` text,
	`rating` text,
	`merged_into` text,
	`failed_lookups` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_reference_unique` ON `complaints` (`reference`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`);--> statement-breakpoint
CREATE INDEX `complaints_department_idx` ON `complaints` (`department`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_on`);