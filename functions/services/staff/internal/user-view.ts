/**
 * What the console is told about a staff account: never the password hash, the TOTP
 * secret or its last step. The zod schema is the response contract the API tests check.
 */
import { z } from "zod";
import { DEPARTMENTS } from "../../../../src/domain/staff/departments";
import { STAFF_ROLES } from "../../../../src/domain/staff/roles";
import type { staffUsers } from "../../../../db/schema";

export const UserView = z.strictObject({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  department: z.enum(DEPARTMENTS).nullable(),
  status: z.enum(["active", "disabled"]),
  secondFactor: z.enum(["enrolled", "not_enrolled"]),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export function toUserView(row: typeof staffUsers.$inferSelect): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    department: row.department,
    status: row.disabledAt ? "disabled" : "active",
    secondFactor: row.totpConfirmedAt ? "enrolled" : "not_enrolled",
    createdAt: row.createdAt,
  };
}
