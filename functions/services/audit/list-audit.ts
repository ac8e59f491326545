/**
 * `listAudit({ ctx, input })`: the audit trail viewer for auditors, filtered by actor (id or
 * e-mail), action, object id and UTC date range, newest first, at most AUDIT_PAGE_LIMIT rows.
 */
import type { AuditQuery } from "../../../src/domain/staff/schemas";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { queryAudit, type AuditRow } from "./internal/audit-query";

export const AUDIT_PAGE_LIMIT = 500;

export const listAudit = staffVerb("audit.read", async ({ ctx, input }: { ctx: StaffCtx; input: AuditQuery }): Promise<AuditRow[]> =>
  queryAudit(ctx, input, AUDIT_PAGE_LIMIT),
);
