/**
 * `resolveSession({ ctx, input: { token } })`: the session a cookie token names, if it is still alive.
 * A `full` session dies 30 minutes after its last request or 12 hours after sign-in; a
 * `second_factor` or `password_change` one 10 minutes after it began; any session of a disabled
 * account is dead at once. Dead sessions are deleted; a live one has its last-seen time
 * moved to now (the idle clock restarts only on an accepted request).
 */
import { eq } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../db/schema";
import { sessionIdOf } from "../../auth/session-token";
import type { LiveSession, ServiceCtx } from "../context";
import { isExpired } from "./internal/session-expiry";


export async function resolveSession({ ctx, input: { token } }: { ctx: ServiceCtx; input: { token: string } }): Promise<LiveSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdOf(token);
  const row = await ctx.db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, id))
    .get();
  if (!row) return null;
  const now = ctx.clock.now();
  if (row.user.disabledAt || isExpired(row.session, now)) {
    await ctx.db.delete(staffSessions).where(eq(staffSessions.id, id));
    return null;
  }
  const lastSeenAt = now.toISOString();
  await ctx.db.update(staffSessions).set({ lastSeenAt }).where(eq(staffSessions.id, id));
  return { session: { ...row.session, lastSeenAt }, user: row.user };
}
