/**
 * `listAssignees`: who intake may give cases to (issue 19, bulk assignment): active staff
 * accounts whose role reads complaints, with their name, role and department, and nothing
 * else of the account.
 */
import { isNull } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { scopeOf } from "../../../src/domain/staff/permissions";
import { STAFF_ROLE_LABELS } from "../../../src/domain/staff/roles";
import { DEPARTMENT_LABELS } from "../../../src/domain/staff/departments";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";

export type Assignee = { id: string; displayName: string; roleLabel: string; departmentLabel: string | null };

export const listAssignees = staffVerb("complaints.assign", async ({ ctx }: { ctx: StaffCtx; input: Record<string, never> }): Promise<Assignee[]> => {
  const users = await ctx.db.select().from(staffUsers).where(isNull(staffUsers.disabledAt)).orderBy(staffUsers.displayName).all();
  return users
    .filter((u) => scopeOf(u.role, "complaints.read") !== null)
    .map((u) => ({ id: u.id, displayName: u.displayName, roleLabel: STAFF_ROLE_LABELS[u.role], departmentLabel: u.department ? DEPARTMENT_LABELS[u.department] : null }));
});
