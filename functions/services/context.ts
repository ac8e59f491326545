/**
 * What every service verb receives, and the one place it is built (`contextOf`). A verb gets
 * the injected deps it may need (database, clock, log, field keys, blob store, the auth
 * secret for TOTP), the request id for its audit row and log lines, and who is acting: the
 * signed-in staff member, or `null` on the public side and during the sign-in steps (a
 * session that has not passed the second factor acts for nobody). Verbs never see Hono:
 * `contextOf` reads a route's context structurally, so this module stays free of it. CLIs and
 * tests build the smaller literal a verb's ctx type names instead.
 */
import type { Db } from "../../db/client";
import type { AppDeps, BlobStore } from "../deps";
import { fieldKeysOf, type FieldKeys } from "../platform/field-crypto";
import type { StaffRole } from "../../src/domain/staff/roles";
import type { Department } from "../../src/domain/staff/departments";
import type { staffSessions, staffUsers } from "../../db/schema";

/** A staff session that is still alive, with its account (services/staff/resolve-session). */
export type LiveSession = {
  session: typeof staffSessions.$inferSelect;
  user: typeof staffUsers.$inferSelect;
};

/** The signed-in staff member a verb acts for. */
export type StaffPrincipal = {
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  department: Department | null;
  sessionId: string;
};

/** The whole context; verbs name the part they use (`Pick<Ctx, ...>` or the aliases below). */
export type Ctx = Pick<AppDeps, "db" | "clock" | "log"> & {
  requestId: string;
  /** Seals and opens citizens' sensitive fields and files (platform/field-crypto). */
  keys: FieldKeys;
  blobs: BlobStore;
  /** Seals and opens staff TOTP secrets. */
  authSecret: string;
  /** The staff member acting, or null for a public request. */
  actor: StaffPrincipal | null;
};

/** The part most verbs need: database, clock, log and request id. */
export type ServiceCtx = Pick<Ctx, "db" | "clock" | "log" | "requestId">;
/** A staff verb's context: someone is signed in. */
export type StaffCtx = ServiceCtx & { actor: StaffPrincipal };
/** For verbs that seal or open TOTP secrets. */
export type AuthCtx = ServiceCtx & Pick<Ctx, "authSecret">;
/** For verbs that seal or open citizens' sensitive fields and files (field-crypto, uploads, outbox). */
export type SecureCtx = ServiceCtx & Pick<Ctx, "keys" | "blobs">;

/** A drizzle transaction on the app's database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function principalOf(live: LiveSession): StaffPrincipal {
  const { user, session } = live;
  return { userId: user.id, email: user.email, displayName: user.displayName, role: user.role, department: user.department, sessionId: session.id };
}

/** What `contextOf` reads from a route's context (a Hono `Context<AppEnv>` or `Context<StaffEnv>`). */
type RouteContext = { var: { deps: AppDeps; requestId: string; live?: LiveSession | null } };

/** The context for the verbs a request calls: the one builder, public and staff alike. */
export function contextOf(c: RouteContext): Ctx {
  const { deps, requestId, live } = c.var;
  return {
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    requestId,
    keys: fieldKeysOf(deps.config.secrets),
    blobs: deps.blobs,
    authSecret: deps.config.secrets.AUTH_SECRET,
    actor: live?.session.stage === "full" ? principalOf(live) : null,
  };
}

