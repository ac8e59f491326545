/**
 * An admin's verbs on accounts: list and read (scoped: a department liaison sees only its
 * own department, anything else is 404), disable and re-enable, reset the second factor,
 * set role and department. Disabling and resetting end the account's sessions in the same
 * transaction; every change writes its audit row there too. An admin cannot disable or
 * demote their own account, so the console can never lose its last administrator by mistake.
 */
import { and, asc, eq } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { inScope } from "../../../src/domain/staff/permissions";
import type { UpdateUserInput } from "../../../src/domain/staff/schemas";
import { writeAudit } from "../audit/write-audit";
import type { StaffCtx, Tx } from "../context";
import { authorize } from "./authorize";
import { toUserView, type UserView } from "./user-view";

export const NO_SUCH_USER = "找不到这个账户。";

export async function listUsers({ ctx }: { ctx: StaffCtx }): Promise<UserView[]> {
  const scope = authorize(ctx, "users.read");
  const rows = await ctx.db.select().from(staffUsers).orderBy(asc(staffUsers.email)).all();
  // Scope is applied with the same rule as single reads, so the two can never disagree.
  return rows.filter((row) => inScope(scope, ctx.actor.department, row.department)).map(toUserView);
}

export async function getUser({ ctx, id }: { ctx: StaffCtx; id: string }): Promise<UserView> {
  const scope = authorize(ctx, "users.read");
  const row = await ctx.db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!row || !inScope(scope, ctx.actor.department, row.department)) {
    await writeAudit(ctx.db, ctx, { action: "users.read", outcome: "denied", actor: ctx.actor, objectType: "staff_user", objectId: id, detail: "not_found_or_out_of_scope" });
    throw new DomainError("not_found", NO_SUCH_USER);
  }
  return toUserView(row);
}

type Change = "disable" | "enable" | "reset_second_factor" | "set_role";

async function changeUser(
  ctx: StaffCtx,
  id: string,
  change: Change,
  apply: (tx: Tx, row: typeof staffUsers.$inferSelect, at: string) => Promise<string | undefined>,
): Promise<UserView> {
  authorize(ctx, "users.manage");
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

async function endSessions(tx: Tx, userId: string) {
  await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

export function disableUser({ ctx, id }: { ctx: StaffCtx; id: string }) {
  return changeUser(ctx, id, "disable", async (tx, row, at) => {
    await tx.update(staffUsers).set({ disabledAt: row.disabledAt ?? at, updatedAt: at }).where(eq(staffUsers.id, row.id));
    await endSessions(tx, row.id);
    return undefined;
  });
}

export function enableUser({ ctx, id }: { ctx: StaffCtx; id: string }) {
  return changeUser(ctx, id, "enable", async (tx, row, at) => {
    await tx.update(staffUsers).set({ disabledAt: null, updatedAt: at }).where(eq(staffUsers.id, row.id));
    return undefined;
  });
}

export function resetSecondFactor({ ctx, id }: { ctx: StaffCtx; id: string }) {
  return changeUser(ctx, id, "reset_second_factor", async (tx, row, at) => {
    await tx
      .update(staffUsers)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null, updatedAt: at })
      .where(eq(staffUsers.id, row.id));
    await endSessions(tx, row.id);
    return undefined;
  });
}

export function setUserRole({ ctx, id, input }: { ctx: StaffCtx; id: string; input: UpdateUserInput }) {
  return changeUser(ctx, id, "set_role", async (tx, row, at) => {
    await tx
      .update(staffUsers)
      .set({ role: input.role, department: input.department, updatedAt: at })
      .where(and(eq(staffUsers.id, row.id)));
    return `role:${row.role}->${input.role}`;
  });
}
