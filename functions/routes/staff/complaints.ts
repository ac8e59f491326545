/**
 * `/api/staff/complaints`: the triage queue and case handling. Every route carries
 * `permit(action)`; the verbs re-check the matrix and apply the department scope, so a
 * liaison asking for another department's case gets 404 with no data. Handlers are thin:
 * validate, call one verb, answer with the case as the actor may see it.
 */
import { Hono, type Context } from "hono";
import {
  AssignInput,
  ComplaintListQuery,
  DecideInput,
  DraftAnswerInput,
  ExtendInput,
  MergeInput,
  NoteInput,
  RecategoriseInput,
  RequestInformationInput,
  ReturnDraftInput,
  RevealContactInput,
} from "../../../src/domain/complaint/schemas";
import { z } from "../../../src/domain/zod";
import { permit, staffCtx, type StaffEnv } from "../../middleware/staff-auth";
import { fieldKeysOf } from "../../platform/field-crypto";
import {
  addNote,
  approveAnswer,
  assignComplaint,
  decideComplaint,
  downloadAttachment,
  draftAnswer,
  extendDeadline,
  getComplaint,
  mergeComplaint,
  recategoriseComplaint,
  requestInformation,
  returnDraft,
  revealContact,
  type StaffSecureCtx,
} from "../../services/complaint/staff-actions";
import { listComplaints } from "../../services/complaint/list-complaints";
import { jsonBody, paramsOf, queryOf } from "../../validate";
import { downloadResponse } from "../../services/uploads/download-response";

const Params = z.strictObject({ id: z.string().min(1).max(64) });
const AttachmentParams = z.strictObject({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) });

function secure(c: Context<StaffEnv>): StaffSecureCtx {
  const { deps } = c.var;
  return { ...staffCtx(c), keys: fieldKeysOf(deps.config.secrets), blobs: deps.blobs };
}

export const staffComplaintRoutes = new Hono<StaffEnv>()
  .get("/", permit("complaints.read"), queryOf(ComplaintListQuery), async (c) =>
    c.json(await listComplaints({ ctx: staffCtx(c), query: c.req.valid("query") }), 200),
  )
  .get("/:id", permit("complaints.read"), paramsOf(Params), async (c) =>
    c.json({ complaint: await getComplaint({ ctx: staffCtx(c), id: c.req.valid("param").id }) }, 200),
  )
  .get("/:id/attachments/:attachmentId", permit("complaints.read"), paramsOf(AttachmentParams), async (c) => {
    const { id, attachmentId } = c.req.valid("param");
    const file = await downloadAttachment({ ctx: secure(c), id, attachmentId });
    return downloadResponse(file.bytes, file.contentType, file.name);
  })
  .post("/:id/decide", permit("complaints.triage"), paramsOf(Params), jsonBody(DecideInput), async (c) =>
    c.json({ complaint: await decideComplaint({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/merge", permit("complaints.triage"), paramsOf(Params), jsonBody(MergeInput), async (c) =>
    c.json({ complaint: await mergeComplaint({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/recategorise", permit("complaints.triage"), paramsOf(Params), jsonBody(RecategoriseInput), async (c) =>
    c.json({ complaint: await recategoriseComplaint({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/assign", permit("complaints.assign"), paramsOf(Params), jsonBody(AssignInput), async (c) =>
    c.json({ complaint: await assignComplaint({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/request-information", permit("complaints.triage"), paramsOf(Params), jsonBody(RequestInformationInput), async (c) =>
    c.json({ complaint: await requestInformation({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/extend", permit("complaints.triage"), paramsOf(Params), jsonBody(ExtendInput), async (c) =>
    c.json({ complaint: await extendDeadline({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/notes", permit("complaints.answer"), paramsOf(Params), jsonBody(NoteInput), async (c) =>
    c.json({ complaint: await addNote({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/draft", permit("complaints.answer"), paramsOf(Params), jsonBody(DraftAnswerInput), async (c) =>
    c.json({ complaint: await draftAnswer({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/return-draft", permit("complaints.triage"), paramsOf(Params), jsonBody(ReturnDraftInput), async (c) =>
    c.json({ complaint: await returnDraft({ ctx: secure(c), id: c.req.valid("param").id, input: c.req.valid("json") }) }, 200),
  )
  .post("/:id/approve", permit("complaints.triage"), paramsOf(Params), async (c) =>
    c.json({ complaint: await approveAnswer({ ctx: secure(c), id: c.req.valid("param").id }) }, 200),
  )
  .post("/:id/reveal-contact", permit("complaints.reveal_contact"), paramsOf(Params), jsonBody(RevealContactInput), async (c) =>
    c.json({ contact: await revealContact({ ctx: secure(c), id: c.req.valid("param").id, reason: c.req.valid("json").reason }) }, 200),
  );
