/**
 * `/api/staff/complaints`: the triage queue and case handling. Every route carries
 * `permit(verb.action)`, the action its verb declares; the verbs re-check the matrix and apply
 * the department scope, so a liaison asking for another department's case gets 404 with no
 * data. Handlers are thin: validate, call one verb, answer with the case as the actor may see it.
 */
import { Hono } from "hono";
import {
  AssignInput,
  BulkAssignInput,
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
import { permit, type DeniedObject, type StaffEnv } from "../../middleware/staff-auth";
import { caseReferenceOf } from "../../services/complaint/internal/case-facts";
import { addNote } from "../../services/complaint/add-note";
import { approveAnswer } from "../../services/complaint/approve-answer";
import { approveExtension } from "../../services/complaint/approve-extension";
import { assignComplaint } from "../../services/complaint/assign-complaint";
import { decideComplaint } from "../../services/complaint/decide-complaint";
import { downloadAttachment } from "../../services/complaint/download-attachment";
import { draftAnswer } from "../../services/complaint/draft-answer";
import { extendDeadline } from "../../services/complaint/extend-deadline";
import { getComplaint } from "../../services/complaint/get-complaint";
import { listComplaints } from "../../services/complaint/list-complaints";
import { bulkAssignComplaints } from "../../services/complaint/bulk-assign-complaints";
import { countComplaintQueues } from "../../services/complaint/count-complaint-queues";
import { findQueueNeighbours } from "../../services/complaint/find-queue-neighbours";
import { listAssignees } from "../../services/complaint/list-assignees";
import { mergeComplaint } from "../../services/complaint/merge-complaint";
import { recategoriseComplaint } from "../../services/complaint/recategorise-complaint";
import { requestInformation } from "../../services/complaint/request-information";
import { returnDraft } from "../../services/complaint/return-draft";
import { revealContact } from "../../services/complaint/reveal-contact";
import { contextOf } from "../../services/context";
import { downloadResponse } from "../../services/uploads/internal/download-response";
import { jsonBody, paramsOf, queryOf } from "../../validate";

const Params = z.strictObject({ id: z.string().min(1).max(64) });
/**
 * A case page's queue: the queue's filters without its page cursor, and `at`, the case's
 * place in the queue's order when the clerk opened it (a cursor the first answer gives).
 */
const NeighbourQuery = ComplaintListQuery.omit({ after: true }).extend({ at: ComplaintListQuery.shape.after });
const AttachmentParams = z.strictObject({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) });

/** A refused request on one case is audited under the case's reference (issue 22 item 9). */
const theCase: DeniedObject = async (c) => ({ type: "complaint", id: await caseReferenceOf(c.var.deps.db, c.req.param("id") ?? "") });

export const staffComplaintRoutes = new Hono<StaffEnv>()
  .get("/", permit(listComplaints.action), queryOf(ComplaintListQuery), async (c) =>
    c.json(await listComplaints({ ctx: contextOf(c), input: c.req.valid("query") }), 200),
  )
  .get("/counts", permit(countComplaintQueues.action), async (c) => c.json({ counts: await countComplaintQueues({ ctx: contextOf(c), input: {} }) }, 200))
  .get("/assignees", permit(listAssignees.action), async (c) => c.json({ assignees: await listAssignees({ ctx: contextOf(c), input: {} }) }, 200))
  .post("/bulk-assign", permit(bulkAssignComplaints.action), jsonBody(BulkAssignInput), async (c) =>
    c.json(await bulkAssignComplaints({ ctx: contextOf(c), input: c.req.valid("json") }), 200),
  )
  .get("/:id/neighbours", permit(findQueueNeighbours.action, theCase), paramsOf(Params), queryOf(NeighbourQuery), async (c) =>
    c.json(await findQueueNeighbours({ ctx: contextOf(c), input: { ...c.req.valid("query"), ...c.req.valid("param") } }), 200),
  )
  .get("/:id", permit(getComplaint.action, theCase), paramsOf(Params), async (c) =>
    c.json({ complaint: await getComplaint({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200),
  )
  .get("/:id/attachments/:attachmentId", permit(downloadAttachment.action, theCase), paramsOf(AttachmentParams), async (c) => {
    const file = await downloadAttachment({ ctx: contextOf(c), input: c.req.valid("param") });
    return downloadResponse(file.bytes, file.contentType, file.name);
  })
  .post("/:id/decide", permit(decideComplaint.action, theCase), paramsOf(Params), jsonBody(DecideInput), async (c) =>
    c.json({ complaint: await decideComplaint({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/merge", permit(mergeComplaint.action, theCase), paramsOf(Params), jsonBody(MergeInput), async (c) =>
    c.json({ complaint: await mergeComplaint({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/recategorise", permit(recategoriseComplaint.action, theCase), paramsOf(Params), jsonBody(RecategoriseInput), async (c) =>
    c.json({ complaint: await recategoriseComplaint({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/assign", permit(assignComplaint.action, theCase), paramsOf(Params), jsonBody(AssignInput), async (c) =>
    c.json({ complaint: await assignComplaint({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/request-information", permit(requestInformation.action, theCase), paramsOf(Params), jsonBody(RequestInformationInput), async (c) =>
    c.json({ complaint: await requestInformation({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/extend", permit(extendDeadline.action, theCase), paramsOf(Params), jsonBody(ExtendInput), async (c) =>
    c.json({ complaint: await extendDeadline({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/extension/approve", permit(approveExtension.action, theCase), paramsOf(Params), async (c) =>
    c.json({ complaint: await approveExtension({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200),
  )
  .post("/:id/notes", permit(addNote.action, theCase), paramsOf(Params), jsonBody(NoteInput), async (c) =>
    c.json({ complaint: await addNote({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/draft", permit(draftAnswer.action, theCase), paramsOf(Params), jsonBody(DraftAnswerInput), async (c) =>
    c.json({ complaint: await draftAnswer({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/return-draft", permit(returnDraft.action, theCase), paramsOf(Params), jsonBody(ReturnDraftInput), async (c) =>
    c.json({ complaint: await returnDraft({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/approve", permit(approveAnswer.action, theCase), paramsOf(Params), async (c) =>
    c.json({ complaint: await approveAnswer({ ctx: contextOf(c), input: c.req.valid("param") }) }, 200),
  )
  .post("/:id/reveal-contact", permit(revealContact.action, theCase), paramsOf(Params), jsonBody(RevealContactInput), async (c) =>
    c.json({ contact: await revealContact({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }) }, 200),
  );
