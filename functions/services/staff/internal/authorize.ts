/**
 * `authorize(ctx, action)`: the matrix check a staff verb makes first (default deny), through
 * `staffVerb`. Returns the scope the actor holds; throws `forbidden` when the matrix has no
 * entry. The two refusal messages live here so the route middleware and the verbs say the
 * same thing.
 */
import { DomainError } from "../../../../src/domain/errors";
import { scopeOf, type Scope, type StaffAction } from "../../../../src/domain/staff/permissions";
import type { StaffCtx } from "../../context";

export const FORBIDDEN_MESSAGE = "您的角色没有权限进行此操作。如需权限，请联系系统管理员。";
export const SIGNED_OUT_MESSAGE = "请先登录。如果您已登录，可能因为长时间未操作已自动退出。";

export function authorize(ctx: Pick<StaffCtx, "actor">, action: StaffAction): Scope {
  const scope = scopeOf(ctx.actor.role, action);
  if (!scope) throw new DomainError("forbidden", FORBIDDEN_MESSAGE);
  return scope;
}
