/**
 * Failed sign-in accounting in the database (SECURITY.md items 5 and 7): failures of the
 * password or of the second factor are rows keyed by the lower-cased e-mail, known or not;
 * five inside fifteen minutes lock that name until the oldest of them leaves the window.
 * `lockedError` is how a locked name is refused, at either step.
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { DomainError } from "../../../../src/domain/errors";
import { staffLoginFailures } from "../../../../db/schema";
import type { Db } from "../../../../db/client";
import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS } from "../../../auth/session-policy";
import type { Tx } from "../../context";

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

export type Attempt = { lockedFor: number; attemptId: null } | { lockedFor: 0; attemptId: number };

/**
 * Checks the lock and, if open, books this attempt as a failure before the password or code
 * is checked, in one conditional INSERT (a single statement is atomic in SQLite): a burst
 * of parallel guesses gets at most 5 checks per window, not one per request that read the
 * count before the others wrote theirs. A success releases its booking. One statement
 * rather than a transaction: atomic on both runtimes, and it holds the write lock (and, on
 * the Node entry, the client's queue) for the shortest time.
 */
export async function reserveAttempt(db: Db, email: string, now: Date): Promise<Attempt> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  const booked = await db.all<{ id: number }>(sql`
    insert into ${staffLoginFailures} (${sql.identifier(staffLoginFailures.email.name)}, ${sql.identifier(staffLoginFailures.at.name)})
    select ${email}, ${at}
    where (select count(*) from ${staffLoginFailures}
           where ${staffLoginFailures.email} = ${email} and ${staffLoginFailures.at} > ${since}) < ${LOCKOUT_FAILURES}
    returning ${sql.identifier(staffLoginFailures.id.name)} as id`);
  const attemptId = booked[0]?.id;
  if (attemptId !== undefined) return { lockedFor: 0, attemptId: Number(attemptId) };
  return { lockedFor: Math.max(1, await lockedForSeconds(db, email, now)), attemptId: null };
}

export async function releaseAttempt(tx: Db | Tx, attemptId: number): Promise<void> {
  await tx.delete(staffLoginFailures).where(eq(staffLoginFailures.id, attemptId));
}

export async function clearFailures(tx: Db | Tx, email: string): Promise<void> {
  await tx.delete(staffLoginFailures).where(eq(staffLoginFailures.email, email));
}

export function lockedError(seconds: number): DomainError {
  return new DomainError("rate_limited", `尝试次数过多，请${Math.ceil(seconds / 60)}分钟后再试。`, { retryAfter: seconds });
}
