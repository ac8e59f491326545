/**
 * `signIn({ ctx, input })`: the password step. An unknown e-mail, a wrong password and a
 * disabled account give the same error after the same work (a decoy hash is verified for
 * unknown names), and a locked name is refused before any hashing. Success opens a
 * short-lived `second_factor` session with a fresh token; the console then enrols or
 * verifies TOTP. Every outcome is audited in the transaction that records it.
 */
import { eq } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { SignInInput } from "../../../src/domain/staff/schemas";
import { DECOY_HASH, verifyPassword } from "../../auth/password-hash";
import { newSessionToken, sessionIdOf } from "../../auth/session-token";
import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS } from "../../auth/session-policy";
import { writeAudit } from "../audit/internal/write-audit";
import type { ServiceCtx } from "../context";
import { lockedError, releaseAttempt, reserveAttempt } from "./internal/lockout";

/** The lockout rule in words, from its constants (session-policy), so the two cannot drift apart. */
export const SIGN_IN_FAILED = `电子邮箱或密码不正确。请检查后重试；连续输错${LOCKOUT_FAILURES}次，账户将被锁定${LOCKOUT_WINDOW_MS / 60_000}分钟。`;

export type SignInResult = { token: string; next: "enrol" | "verify" };

export async function signIn({ ctx, input }: { ctx: ServiceCtx; input: SignInInput }): Promise<SignInResult> {
  const now = ctx.clock.now();
  const attempt = await reserveAttempt(ctx.db, input.email, now);
  if (attempt.attemptId === null) {
    const user = await ctx.db.select().from(staffUsers).where(eq(staffUsers.email, input.email)).get();
    await writeAudit(ctx.db, ctx, {
      action: "auth.sign_in",
      outcome: "denied",
      actor: user ? { userId: user.id, role: user.role } : null,
      detail: "locked",
    });
    throw lockedError(attempt.lockedFor);
  }

  const user = await ctx.db.select().from(staffUsers).where(eq(staffUsers.email, input.email)).get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? DECOY_HASH, input.password);
  const reason = !user ? "unknown_account" : !passwordOk ? "wrong_password" : user.disabledAt ? "disabled" : null;

  if (reason || !user) {
    // The booked attempt stays as this failure.
    await writeAudit(ctx.db, ctx, {
      action: "auth.sign_in",
      outcome: "failure",
      actor: user ? { userId: user.id, role: user.role } : null,
      detail: reason ?? "unknown_account",
    });
    throw new DomainError("unauthenticated", SIGN_IN_FAILED);
  }

  const token = newSessionToken();
  const at = now.toISOString();
  await ctx.db.transaction(async (tx) => {
    await releaseAttempt(tx, attempt.attemptId);
    await tx.insert(staffSessions).values({ id: sessionIdOf(token), userId: user.id, stage: "second_factor", createdAt: at, lastSeenAt: at });
    await writeAudit(tx, ctx, { action: "auth.password", outcome: "success", actor: { userId: user.id, role: user.role } });
  });
  return { token, next: user.totpConfirmedAt ? "verify" : "enrol" };
}
