/**
 * What every service verb receives: the injected deps it needs, the request id for the
 * audit row and the log, and (for staff verbs) who is acting. Verbs never see Hono.
 */
import type { Db } from "../../db/client";
import type { AppDeps, BlobStore } from "../deps";
import { fieldKeysOf, type FieldKeys } from "../platform/field-crypto";
import type { StaffRole } from "../../src/domain/staff/roles";
import type { Department } from "../../src/domain/staff/departments";

export type ServiceCtx = Pick<AppDeps, "db" | "clock" | "log"> & { requestId: string };

/** The signed-in staff member a verb acts for. */
export type StaffPrincipal = {
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  department: Department | null;
  sessionId: string;
};

export type StaffCtx = ServiceCtx & { actor: StaffPrincipal };

/** For verbs that seal or open TOTP secrets: the key they are sealed with. */
export type AuthCtx = ServiceCtx & { authSecret: string };

/** A drizzle transaction on the app's database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** For verbs that seal or open citizens' sensitive fields and files (field-crypto, uploads, outbox). */
export type SecureCtx = ServiceCtx & { keys: FieldKeys; blobs: BlobStore };

/** A SecureCtx from the app's deps (DATA_KEY/INDEX_KEY from the parsed config) and a ServiceCtx. */
export function secureCtx(deps: Pick<AppDeps, "config" | "blobs">, ctx: ServiceCtx): SecureCtx {
  return { ...ctx, keys: fieldKeysOf(deps.config.secrets), blobs: deps.blobs };
}

/** The same from a route's context (structurally typed, so this module stays free of Hono). */
export function secureCtxOf(c: { var: { deps: AppDeps; requestId: string } }): SecureCtx {
  const { db, clock, log } = c.var.deps;
  return secureCtx(c.var.deps, { db, clock, log, requestId: c.var.requestId });
}
