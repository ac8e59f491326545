ALTER TABLE `outbox_messages` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `claimed_until` text;