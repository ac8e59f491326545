/**
 * What every service verb receives: the injected deps it needs, the request id for the
 * audit row and the log, and (for staff verbs) who is acting. Verbs never see Hono.
 */
import type { Db } from "../../db/client";
import type { AppDeps } from "../deps";
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
