/** `downloadAttachment`: a file the filer attached, for a role that may read the case; audited like any read. */
import { DomainError } from "../../../src/domain/errors";
import { writeAudit } from "../audit/internal/write-audit";
import { staffVerb } from "../staff-verb";
import { readUpload } from "../uploads/internal/store-upload";
import { attachmentsOf } from "./internal/case-facts";
import { loadCase, type StaffSecureCtx } from "./internal/staff-case";

export const downloadAttachment = staffVerb(
  "complaints.read",
  async ({ ctx, input }: { ctx: StaffSecureCtx; input: { id: string; attachmentId: string } }, access) => {
    const row = await loadCase(ctx.db, ctx, access, input.id);
    const file = (await attachmentsOf(ctx.db, row.id)).find((a) => a.id === input.attachmentId);
    if (!file) {
      await writeAudit(ctx.db, ctx, { action: "complaints.download", outcome: "denied", actor: ctx.actor, objectType: "complaint_attachment", objectId: input.attachmentId, detail: "not_found" });
      throw new DomainError("not_found", "找不到这个附件。");
    }
    const bytes = await readUpload(ctx, file.blobKey, file.sealContext);
    await writeAudit(ctx.db, ctx, { action: "complaints.download", outcome: "success", actor: ctx.actor, objectType: "complaint_attachment", objectId: file.id, detail: row.reference });
    return { bytes, contentType: file.contentType, name: file.originalName };
  },
);
