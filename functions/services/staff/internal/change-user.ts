/**
 * The one shape of an admin's change to an account: in one transaction, read the account
 * (404 when unknown), refuse to disable or demote one's own account (so the console can never
 * lose its last administrator by mistake), apply the change and write its audit row.
 * Disabling and resetting end the account's sessions in that same transaction.
 */
import { eq } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../../db/schema";
import { DomainError } from "../../../../src/domain/errors";
import { writeAudit } from "../../audit/internal/write-audit";
import type { StaffCtx, Tx } from "../../context";
import { toUserView, type UserView } from "./user-view";

export const NO_SUCH_USER = "找不到这个账户。";

type UserChange = "disable" | "enable" | "reset_second_factor" | "set_role";

export async function changeUser(
  ctx: StaffCtx,
  id: string,
  change: UserChange,
  apply: (tx: Tx, row: typeof staffUsers.$inferSelect, at: string) => Promise<string | undefined>,
): Promise<UserView> {
  return ctx.db.transaction(async (tx) => {
    const row = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
    if (!row) throw new DomainError("not_found", NO_SUCH_USER);
    if (row.id === ctx.actor.userId && (change === "disable" || change === "set_role")) {
      throw new DomainError("conflict", "不能停用自己的账户或修改自己的角色，请由另一位系统管理员操作。");
    }
    const at = ctx.clock.now().toISOString();
    const detail = await apply(tx, row, at);
    await writeAudit(tx, ctx, { action: `users.${change}`, outcome: "success", actor: ctx.actor, objectType: "staff_user", objectId: id, detail });
    const updated = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
    return toUserView(updated!);
  });
}

export async function endSessions(tx: Tx, userId: string) {
  await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
}
