/**
 * Key-value facts about this database itself: when the demo seed ran, which demo data
 * version it holds. The seed checks it so that demo data is written only into an empty
 * database and never twice.
 */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  /** ISO 8601 UTC. */
  updatedAt: text("updated_at").notNull(),
});
