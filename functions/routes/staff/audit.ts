/**
 * `/api/staff/audit`: the audit trail for auditors: a filtered list (newest first, up to
 * 500 rows) and the same filter as a CSV download. Read-only: there is no route that
 * changes an audit row.
 */
import { Hono } from "hono";
import { AuditQuery } from "../../../src/domain/staff/schemas";
import { permit, staffCtx, type StaffEnv } from "../../middleware/staff-auth";
import { exportAudit, listAudit } from "../../services/audit/list-audit";
import { queryOf } from "../../validate";

export const staffAuditRoutes = new Hono<StaffEnv>()
  .get("/", permit("audit.read"), queryOf(AuditQuery), async (c) => c.json({ entries: await listAudit({ ctx: staffCtx(c), query: c.req.valid("query") }) }, 200))
  .get("/export", permit("audit.export"), queryOf(AuditQuery), async (c) => {
    const csv = await exportAudit({ ctx: staffCtx(c), query: c.req.valid("query") });
    c.header("Content-Disposition", 'attachment; filename="audit-log.csv"');
    return c.body(`\uFEFF${csv}`, 200, { "Content-Type": "text/csv; charset=utf-8" });
  });
