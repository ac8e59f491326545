/**
 * `completeSecondFactor({ ctx, input: { live, code } })`: checks a TOTP code at the second step
 * of signing in. A code is accepted once only (its time step must be after the last accepted
 * one), failures count toward the lockout, and success replaces the pending session by a new
 * session with a new token: `full`, or `password_change` while the account still has its
 * one-time initial password.
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import type { TotpCodeInput } from "../../../src/domain/staff/schemas";
import { newSessionToken, sessionIdOf } from "../../auth/session-token";
import { openSecret } from "../../auth/secret-box";
import { matchTotp } from "../../auth/totp";
import { writeAudit } from "../audit/internal/write-audit";
import type { AuthCtx } from "../context";
import { clearFailures, lockedError, reserveAttempt } from "./internal/lockout";
import type { LiveSession } from "../context";

export const WRONG_CODE = "验证码不正确或已使用。请输入验证器应用中当前显示的6位数字。";

export async function completeSecondFactor({
  ctx,
  input,
}: {
  ctx: AuthCtx;
  input: TotpCodeInput & { live: LiveSession };
}): Promise<{ token: string; next: "home" | "change_password" }> {
  const { user, session } = input.live;
  const now = ctx.clock.now();
  const actor = { userId: user.id, role: user.role };
  const enrolling = !user.totpConfirmedAt;
  const action = enrolling ? "auth.totp_enrol" : "auth.totp_verify";

  const attempt = await reserveAttempt(ctx.db, user.email, now);
  if (attempt.attemptId === null) {
    await ctx.db.transaction(async (tx) => {
      await tx.delete(staffSessions).where(eq(staffSessions.id, session.id));
      await writeAudit(tx, ctx, { action, outcome: "denied", actor, detail: "locked" });
    });
    throw lockedError(attempt.lockedFor);
  }

  const secret = user.totpSecret ? await openSecret(ctx.authSecret, user.id, user.totpSecret) : null;
  const step = secret ? matchTotp(secret, input.code, now, user.totpLastStep) : null;
  if (step === null) {
    // The booked attempt stays as this failure.
    await writeAudit(ctx.db, ctx, { action, outcome: "failure", actor, detail: "wrong_code" });
    throw new DomainError("validation", WRONG_CODE, { fields: [{ path: "code", message: WRONG_CODE }] });
  }

  const token = newSessionToken();
  const at = now.toISOString();
  // A one-time initial password must be replaced before the console opens.
  const stage = user.passwordChangeRequired ? "password_change" : "full";
  await ctx.db.transaction(async (tx) => {
    // Claim the step only if no concurrent request claimed it (or a later one) first.
    const claimed = await tx
      .update(staffUsers)
      .set({ totpLastStep: step, totpConfirmedAt: user.totpConfirmedAt ?? at, updatedAt: at })
      .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
      .returning({ last: staffUsers.totpLastStep });
    if (claimed.length !== 1) throw new DomainError("unauthenticated", WRONG_CODE);
    await tx.delete(staffSessions).where(eq(staffSessions.id, session.id));
    await tx.insert(staffSessions).values({ id: sessionIdOf(token), userId: user.id, stage, createdAt: at, lastSeenAt: at });
    await clearFailures(tx, user.email);
    await writeAudit(tx, ctx, { action, outcome: "success", actor });
    await writeAudit(tx, ctx, { action: "auth.sign_in", outcome: "success", actor });
  });
  return { token, next: stage === "full" ? "home" : "change_password" };
}
