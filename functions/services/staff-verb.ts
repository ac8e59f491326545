/**
 * `staffVerb(action, fn)`: how a staff verb is declared. The returned verb carries its
 * permission action (`verb.action`), which its route reads for `permit(...)`, so an endpoint's
 * action is written once. Before `fn` runs, the verb narrows the context to a signed-in actor
 * (`unauthenticated` when there is none) and checks the permission matrix (`forbidden` when the
 * role may not); `fn` gets the action and the scope the actor holds, for the department rule
 * and for auditing a refusal under the verb's own action. Callers pass the
 * whole request context (`contextOf(c)`), or a smaller literal in tests, with `actor` possibly null.
 */
import { DomainError } from "../../src/domain/errors";
import type { Scope, StaffAction } from "../../src/domain/staff/permissions";
import type { StaffPrincipal } from "./context";
import { authorize, SIGNED_OUT_MESSAGE } from "./staff/internal/authorize";

/** What a caller hands a staff verb: its context, with someone signed in or not. */
export type CallerCtx<C> = Omit<C, "actor"> & { actor: StaffPrincipal | null };

export type StaffVerb<C, I, R> = ((args: { ctx: CallerCtx<C>; input: I }) => Promise<R>) & { readonly action: StaffAction };

/** What the matrix granted: the verb's action and the actor's scope for it. */
export type Access = { action: StaffAction; scope: Scope };

/** An empty input, for a staff verb that needs nothing but its actor (`{ ctx, input: {} }`). */
export type NoInput = Record<string, never>;

export function staffVerb<C extends { actor: StaffPrincipal }, I, R>(
  action: StaffAction,
  fn: (args: { ctx: C; input: I }, access: Access) => Promise<R>,
): StaffVerb<C, I, R> {
  const verb = async ({ ctx, input }: { ctx: CallerCtx<C>; input: I }): Promise<R> => {
    const { actor } = ctx;
    if (!actor) throw new DomainError("unauthenticated", SIGNED_OUT_MESSAGE);
    const narrowed = { ...ctx, actor } as unknown as C;
    const scope = authorize(narrowed, action);
    return fn({ ctx: narrowed, input }, { action, scope });
  };
  return Object.defineProperty(verb, "action", { value: action, enumerable: true }) as StaffVerb<C, I, R>;
}
