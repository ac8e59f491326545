/**
 * Failed sign-in accounting in the database (SECURITY.md items 5 and 7): failures of the
 * password or of the second factor are rows keyed by the lower-cased e-mail, known or not;
 * five inside fifteen minutes lock that name until the oldest of them leaves the window.
 */
import { and, asc, eq, gt } from "drizzle-orm";
import { staffLoginFailures } from "../../../db/schema";
import type { Db } from "../../../db/client";
import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS } from "../../auth/session-policy";
import type { Tx } from "../context";

/** Seconds until the name may try again, or 0 when it is not locked. */
export async function lockedForSeconds(db: Db | Tx, email: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  const recent = await db
    .select({ at: staffLoginFailures.at })
    .from(staffLoginFailures)
    .where(and(eq(staffLoginFailures.email, email), gt(staffLoginFailures.at, since)))
    .orderBy(asc(staffLoginFailures.at))
    .all();
  if (recent.length < LOCKOUT_FAILURES) return 0;
  // Locked until enough failures age out that fewer than the limit remain.
  const freeing = recent[recent.length - LOCKOUT_FAILURES];
  const until = new Date(freeing!.at).getTime() + LOCKOUT_WINDOW_MS;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordFailure(tx: Db | Tx, email: string, now: Date): Promise<void> {
  await tx.insert(staffLoginFailures).values({ email, at: now.toISOString() });
}

export async function clearFailures(tx: Db | Tx, email: string): Promise<void> {
  await tx.delete(staffLoginFailures).where(eq(staffLoginFailures.email, email));
}
