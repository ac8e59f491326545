ALTER TABLE `outbox_messages` ADD `body_sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `duplicate_of` text;