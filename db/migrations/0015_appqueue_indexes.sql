DROP INDEX `applications_state_idx`;--> statement-breakpoint
DROP INDEX `applications_queue_idx`;--> statement-breakpoint
CREATE INDEX `applications_review_idx` ON `applications` (`intake_id`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`);--> statement-breakpoint
CREATE INDEX `applications_state_review_idx` ON `applications` (`intake_id`,`state`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`);--> statement-breakpoint
CREATE INDEX `applications_grade_review_idx` ON `applications` (`intake_id`,`grade`,(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at),`id`);