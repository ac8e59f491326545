/**
 * Staff authentication and authorisation for `/api/staff/*` (SECURITY.md items 8–9).
 * `permit(action)` is the only way a staff route gets a principal: it resolves the
 * `__Host-` session cookie, requires a fully signed-in session, and checks the permission
 * matrix, writing an `access.denied` audit row when the role may not. `session(...stages)` is
 * for the sign-in steps and sign-out. Each returned middleware carries its requirement
 * (`staffRequirement`), so the permission-walk test reads it from the app's own routes.
 * Verbs get their context from `contextOf(c)` (services/context), whose actor is the session
 * loaded here; a staff verb re-checks the matrix itself (services/staff-verb).
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { routePath } from "hono/route";
import { DomainError } from "../../src/domain/errors";
import { scopeOf, type StaffAction } from "../../src/domain/staff/permissions";
import type { SessionStage } from "../../db/schema/staff";
import type { AppEnv } from "../app-env";
import { SESSION_COOKIE } from "../auth/session-policy";
import { writeAudit } from "../services/audit/internal/write-audit";
import { contextOf, type LiveSession } from "../services/context";
import { FORBIDDEN_MESSAGE, SIGNED_OUT_MESSAGE } from "../services/staff/internal/authorize";
import { resolveSession } from "../services/staff/resolve-session";

export type StaffEnv = { Variables: AppEnv["Variables"] & { live: LiveSession | null } };

export type StaffRequirement = { kind: "public" } | { kind: "session"; stages: SessionStage[] } | { kind: "action"; action: StaffAction };
type Marked = MiddlewareHandler<StaffEnv> & { staffRequirement: StaffRequirement };

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

async function load(c: Context<StaffEnv>, stages: SessionStage[]): Promise<LiveSession> {
  const token = getCookie(c, SESSION_COOKIE, "host");
  const live = token ? await resolveSession({ ctx: contextOf(c), input: { token } }) : null;
  if (!live || !stages.includes(live.session.stage)) {
    if (token) clearSessionCookie(c);
    throw new DomainError("unauthenticated", SIGNED_OUT_MESSAGE);
  }
  c.set("live", live);
  return live;
}

function mark(handler: MiddlewareHandler<StaffEnv>, staffRequirement: StaffRequirement): Marked {
  return Object.assign(handler, { staffRequirement });
}

/** Open to anyone (the password step). */
export const publicRoute = mark(async (_c, next) => next(), { kind: "public" });

export function session(...stages: SessionStage[]): Marked {
  return mark(async (c, next) => {
    await load(c, stages);
    await next();
  }, { kind: "session", stages });
}

/** What a refused request was about, as its audit row names it (e.g. a complaint by its reference). */
export type DeniedObject = (c: Context<StaffEnv>) => Promise<{ type: string; id: string }>;

export function permit(action: StaffAction, object?: DeniedObject): Marked {
  return mark(async (c, next) => {
    const live = await load(c, ["full"]);
    if (!scopeOf(live.user.role, action)) {
      // The object the route names (a case by its reference), else the matched route pattern
      // (index -1: the handler), never the raw URL with its ids.
      const named = object ? await object(c) : { type: "route", id: `${c.req.method} ${routePath(c, -1)}` };
      await writeAudit(c.var.deps.db, contextOf(c), {
        action: "access.denied",
        outcome: "denied",
        actor: { userId: live.user.id, role: live.user.role },
        objectType: named.type,
        objectId: named.id,
        detail: action,
      });
      throw new DomainError("forbidden", FORBIDDEN_MESSAGE);
    }
    await next();
  }, { kind: "action", action });
}
