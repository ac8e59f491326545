/**
 * `/api/staff/*`: the staff console's API. Every route carries `publicRoute`, `session()`
 * or `permit()` (functions/middleware/staff-auth.ts); a test walks the app's own route
 * table and fails on any staff route without one. Bodies are small JSON, so a tight limit.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError } from "../../../src/domain/errors";
import type { StaffEnv } from "../../middleware/staff-auth";
import { staffAllocationRoutes, staffApplicationRoutes } from "./applications";
import { staffAuditRoutes } from "./audit";
import { staffAuthRoutes } from "./auth";
import { staffComplaintRoutes } from "./complaints";
import { staffMeRoutes } from "./me";
import { staffOutboxRoutes } from "./outbox";
import { staffUserRoutes } from "./users";

export const STAFF_BODY_LIMIT = 16 * 1024;

export const staffRoutes = new Hono<StaffEnv>()
  .use(
    bodyLimit({
      maxSize: STAFF_BODY_LIMIT,
      onError: () => {
        throw new DomainError("payload_too_large", "提交的内容太大。");
      },
    }),
  )
  .route("/auth", staffAuthRoutes)
  .route("/me", staffMeRoutes)
  .route("/users", staffUserRoutes)
  .route("/audit", staffAuditRoutes)
  .route("/applications", staffApplicationRoutes)
  .route("/allocation", staffAllocationRoutes)
  .route("/outbox", staffOutboxRoutes)
  .route("/complaints", staffComplaintRoutes);
