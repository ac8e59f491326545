/**
 * `exportAudit({ ctx, input })`: the same filter as the viewer, as CSV with formula-looking
 * cells neutralised; the export itself is audited.
 */
import type { AuditQuery } from "../../../src/domain/staff/schemas";
import type { StaffCtx } from "../context";
import { staffVerb } from "../staff-verb";
import { csvCell, queryAudit } from "./internal/audit-query";
import { writeAudit } from "./internal/write-audit";

const COLUMNS = ["id", "at", "actorId", "actorEmail", "actorRole", "action", "objectType", "objectId", "outcome", "requestId", "detail"] as const;

export const exportAudit = staffVerb("audit.export", async ({ ctx, input }: { ctx: StaffCtx; input: AuditQuery }): Promise<string> => {
  const rows = await queryAudit(ctx, input, 100_000);
  await writeAudit(ctx.db, ctx, { action: "audit.export", outcome: "success", actor: ctx.actor, detail: `rows:${rows.length}` });
  const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
});
