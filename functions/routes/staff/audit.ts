/**
 * `/api/staff/audit`: the audit trail for auditors: a filtered list (newest first, up to
 * 500 rows) and the same filter as a CSV download. Read-only: there is no route that
 * changes an audit row.
 */
import { Hono } from "hono";
import { AuditQuery } from "../../../src/domain/staff/schemas";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { exportAudit } from "../../services/audit/export-audit";
import { listAudit } from "../../services/audit/list-audit";
import { contextOf } from "../../services/context";
import { queryOf } from "../../validate";

export const staffAuditRoutes = new Hono<StaffEnv>()
  .get("/", permit(listAudit.action), queryOf(AuditQuery), async (c) => c.json({ entries: await listAudit({ ctx: contextOf(c), input: c.req.valid("query") }) }, 200))
  .get("/export", permit(exportAudit.action), queryOf(AuditQuery), async (c) => {
    const csv = await exportAudit({ ctx: contextOf(c), input: c.req.valid("query") });
    c.header("Content-Disposition", 'attachment; filename="audit-log.csv"');
    return c.body(`\uFEFF${csv}`, 200, { "Content-Type": "text/csv; charset=utf-8" });
  });
