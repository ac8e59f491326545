/**
 * `insertStaffUser({ ctx, input, actor })`: a new account with a one-time initial password
 * (random, ~120 bits, shown once to whoever created it and never stored in clear). Used by
 * an admin's invitation (the `createStaffUser` verb), `npm run staff:create` and the demo
 * seed, which have no actor; the audit row names the admin, or nobody for the command line. A `totpSecret` may be given (demo seed) so the
 * secret can be printed ahead; enrolment still confirms it with a first code.
 */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import type { InviteUserInput } from "../../../../src/domain/staff/schemas";
import { hashPassword } from "../../../auth/password-hash";
import { sealSecret } from "../../../auth/secret-box";
import { newInitialPassword, newUserId } from "../../../auth/session-token";
import { writeAudit } from "../../audit/internal/write-audit";
import type { ServiceCtx, StaffPrincipal, Tx } from "../../context";
import { toUserView, type UserView } from "./user-view";

export type CreatedUser = { user: UserView; initialPassword: string };

export async function insertStaffUser({
  ctx,
  input,
  actor,
  totpSecret,
  tx,
}: {
  ctx: ServiceCtx;
  input: InviteUserInput;
  actor: StaffPrincipal | null;
  /** A TOTP secret chosen ahead (demo seed), sealed here with the AUTH_SECRET given. */
  totpSecret?: { secret: string; authSecret: string };
  /** Run inside the caller's transaction (the demo seed). */
  tx?: Tx;
}): Promise<CreatedUser> {
  const initialPassword = newInitialPassword();
  // Hash before the transaction: argon2 takes a few hundred ms and must not hold the write lock.
  const passwordHash = await hashPassword(initialPassword);
  const at = ctx.clock.now().toISOString();
  const id = newUserId();
  const sealedTotp = totpSecret ? await sealSecret(totpSecret.authSecret, id, totpSecret.secret) : null;
  const run = async (t: Tx) => {
    const existing = await t.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email)).get();
    if (existing) {
      throw new DomainError("conflict", "这个电子邮箱已有账户。", { fields: [{ path: "email", message: "这个电子邮箱已有账户，请换一个" }] });
    }
    const [row] = await t
      .insert(staffUsers)
      .values({
        id,
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        department: input.department,
        passwordHash,
        totpSecret: sealedTotp,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await writeAudit(t, ctx, {
      action: "users.create",
      outcome: "success",
      actor: actor ? { userId: actor.userId, role: actor.role } : null,
      objectType: "staff_user",
      objectId: row!.id,
      detail: `role:${input.role}`,
    });
    return toUserView(row!);
  };
  const user = tx ? await run(tx) : await ctx.db.transaction(run);
  return { user, initialPassword };
}
