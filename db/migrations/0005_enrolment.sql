CREATE TABLE `allocation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`intake_id` text NOT NULL,
	`grade` text NOT NULL,
	`seed` text NOT NULL,
	`state` text NOT NULL,
	`result` text NOT NULL,
	`published` text NOT NULL,
	`applicant_ids` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE TABLE `application_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`kind` text NOT NULL,
	`blob_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`review` text DEFAULT 'pending' NOT NULL,
	`review_reason` text,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_documents_app_idx` ON `application_documents` (`application_id`);--> statement-breakpoint
CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`at` text NOT NULL,
	`event` text NOT NULL,
	`to_state` text,
	`message` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`intake_id` text NOT NULL,
	`reference` text,
	`state` text NOT NULL,
	`grade` text NOT NULL,
	`area_id` text NOT NULL,
	`community_id` text NOT NULL,
	`preferences` text NOT NULL,
	`personal` text NOT NULL,
	`sensitive` text NOT NULL,
	`child_index` text,
	`points` integer DEFAULT 0 NOT NULL,
	`access_code_hash` text,
	`draft_token_hash` text,
	`failed_lookups` integer DEFAULT 0 NOT NULL,
	`lookup_locked_until` text,
	`consent_notice_version` text,
	`consent_at` text,
	`special_needs_consent` integer DEFAULT false NOT NULL,
	`decision_reason` text,
	`decision_text` text,
	`offer_section` text,
	`offer_deadline` text,
	`submitted_at` text,
	`retain_until` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_unique` ON `applications` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_draft_token_hash_unique` ON `applications` (`draft_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_child_per_intake` ON `applications` (`intake_id`,`child_index`);--> statement-breakpoint
CREATE INDEX `applications_state_idx` ON `applications` (`intake_id`,`state`);