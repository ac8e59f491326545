/**
 * `checkDatabase({ ctx })`: does the database answer a trivial query? Used by the health
 * route; a failure is logged by error name only (no connection string, no SQL).
 */
import { sql } from "drizzle-orm";
import type { AppDeps } from "../deps";

export async function checkDatabase({ ctx }: { ctx: Pick<AppDeps, "db" | "log"> & { requestId: string } }): Promise<boolean> {
  try {
    await ctx.db.run(sql`select 1`);
    return true;
  } catch (error) {
    ctx.log.error("health.database_unreachable", { requestId: ctx.requestId, name: (error as Error).name });
    return false;
  }
}
