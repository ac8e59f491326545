ALTER TABLE `complaints` ADD `contact_phone_index` text;--> statement-breakpoint
CREATE INDEX `complaints_contact_phone_idx` ON `complaints` (`contact_phone_index`);