CREATE TABLE `draw_ceremonies` (
	`id` text PRIMARY KEY NOT NULL,
	`intake_id` text NOT NULL,
	`grade` text NOT NULL,
	`round` integer NOT NULL,
	`state` text NOT NULL,
	`redraw_reason` text,
	`opened_at` text NOT NULL,
	`frozen_at` text,
	`frozen_set` text,
	`applicant_ids` text,
	`seed` text,
	`drawn_at` text
);
--> statement-breakpoint
CREATE INDEX `draw_ceremonies_round_idx` ON `draw_ceremonies` (`intake_id`,`grade`,`round`);--> statement-breakpoint
CREATE TABLE `draw_witnesses` (
	`id` text PRIMARY KEY NOT NULL,
	`ceremony_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`commitment` text NOT NULL,
	`committed_at` text NOT NULL,
	`contribution` text,
	`revealed_at` text,
	FOREIGN KEY (`ceremony_id`) REFERENCES `draw_ceremonies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_witnesses_position` ON `draw_witnesses` (`ceremony_id`,`position`);--> statement-breakpoint
ALTER TABLE `allocation_runs` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `allocation_runs` ADD `ceremony_id` text;--> statement-breakpoint
ALTER TABLE `allocation_runs` ADD `outcome_digest` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `round` integer DEFAULT 1 NOT NULL;