/**
 * `authorize(ctx, action)`: the matrix check every staff verb makes first (default deny).
 * Returns the scope the actor holds; throws `forbidden` when the matrix has no entry.
 */
import { DomainError } from "../../../src/domain/errors";
import { scopeOf, type Scope, type StaffAction } from "../../../src/domain/staff/permissions";
import type { StaffCtx } from "../context";

export const FORBIDDEN_MESSAGE = "您的角色没有权限进行此操作。如需权限，请联系系统管理员。";

export function authorize(ctx: StaffCtx, action: StaffAction): Scope {
  const scope = scopeOf(ctx.actor.role, action);
  if (!scope) throw new DomainError("forbidden", FORBIDDEN_MESSAGE);
  return scope;
}
