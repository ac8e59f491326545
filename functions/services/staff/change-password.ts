/**
 * `changePassword({ ctx, input })`: a signed-in user (its live session rides in `input`) replaces their password (the
 * one-time initial one, typically). The current password is checked, the new one must be
 * 8–128 characters with no composition rules, and is refused when it is among the most
 * common passwords or is the account's e-mail (ASVS 5.0 6.2.x). Other sessions of the
 * account end; this one stays, or, when this was the forced change of a one-time initial
 * password, is replaced by a full session with a new token.
 */
import { and, eq, ne } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { z } from "../../../src/domain/zod";
import { NewPassword } from "../../../src/domain/staff/schemas";
import { isCommonPassword } from "../../auth/common-passwords";
import { hashPassword, verifyPassword } from "../../auth/password-hash";
import { newSessionToken, sessionIdOf } from "../../auth/session-token";
import { writeAudit } from "../audit/internal/write-audit";
import type { ServiceCtx } from "../context";
import type { LiveSession } from "../context";

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string({ error: "请输入当前密码" }).min(1, { error: "请输入当前密码" }).max(512),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const COMMON_PASSWORD = "这个密码太常见，很容易被猜到。请换一个更长、更少见的密码，例如几个词组成的短句。";

export async function changePassword({ ctx, input }: { ctx: ServiceCtx; input: ChangePasswordInput & { live: LiveSession } }): Promise<{ token: string | null }> {
  const { live } = input;
  const { user } = live;
  if (input.newPassword === input.currentPassword) {
    const message = "新密码不能与当前密码相同。";
    throw new DomainError("validation", message, { fields: [{ path: "newPassword", message }] });
  }
  if (isCommonPassword(input.newPassword) || input.newPassword.toLowerCase() === user.email) {
    throw new DomainError("validation", COMMON_PASSWORD, { fields: [{ path: "newPassword", message: COMMON_PASSWORD }] });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const message = "当前密码不正确，请重新输入。";
    await writeAudit(ctx.db, ctx, { action: "auth.change_password", outcome: "failure", actor: { userId: user.id, role: user.role } });
    throw new DomainError("validation", message, { fields: [{ path: "currentPassword", message }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Leaving the `password_change` step opens the console with a new token.
  const token = live.session.stage === "password_change" ? newSessionToken() : null;
  await ctx.db.transaction(async (tx) => {
    const at = ctx.clock.now().toISOString();
    await tx.update(staffUsers).set({ passwordHash, passwordChangeRequired: false, updatedAt: at }).where(eq(staffUsers.id, user.id));
    await tx.delete(staffSessions).where(and(eq(staffSessions.userId, user.id), ne(staffSessions.id, live.session.id)));
    if (token) {
      await tx.delete(staffSessions).where(eq(staffSessions.id, live.session.id));
      await tx.insert(staffSessions).values({ id: sessionIdOf(token), userId: user.id, stage: "full", createdAt: at, lastSeenAt: at });
    }
    await writeAudit(tx, ctx, { action: "auth.change_password", outcome: "success", actor: { userId: user.id, role: user.role } });
  });
  return { token };
}
