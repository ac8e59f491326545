/**
 * An application as its row is stored: the type every enrolment verb and internal module
 * passes around. Kept on its own so the modules that need it (tracking, waitlist, family
 * actions) do not import each other for a type.
 */
import type { applications } from "../../../../db/schema";

export type ApplicationRow = typeof applications.$inferSelect;
