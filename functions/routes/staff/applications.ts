/**
 * `/api/staff/applications` and `/api/staff/allocation`: the enrolment review queue and the
 * allocation for the console. Every route carries `permit(verb.action)` (the permission-walk
 * test checks); every verb audits its read or change. Unknown ids answer 404 with no data.
 */
import { Hono } from "hono";
import { z } from "../../../src/domain/zod";
import { CommitInput, GradeInput, RevealInput as DrawRevealInput } from "../../../src/domain/enrolment/draw/staff-inputs";
import {
  ApplicationId,
  ApplicationQuery,
  DecisionInput,
  DocumentReviewInput,
  RequestInfoInput,
  RevealInput,
  RunId,
} from "../../../src/domain/enrolment/staff-schemas";
import { permit, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { countApplicationQueues } from "../../services/enrolment/count-application-queues";
import { decideEligibility } from "../../services/enrolment/decide-eligibility";
import { downloadDocument } from "../../services/enrolment/download-document";
import { getApplication } from "../../services/enrolment/get-application";
import { viewDocument } from "../../services/enrolment/view-document";
import { getRun } from "../../services/enrolment/get-run";
import { listApplications } from "../../services/enrolment/list-applications";
import { publishAllocation } from "../../services/enrolment/publish-allocation";
import { requestInformation } from "../../services/enrolment/request-information";
import { revealField } from "../../services/enrolment/reveal-field";
import { reviewDocument } from "../../services/enrolment/review-document";
import { runAllocation } from "../../services/enrolment/run-allocation";
import { commitWitness } from "../../services/enrolment/commit-witness";
import { drawAllocation } from "../../services/enrolment/draw-allocation";
import { freezeApplicants } from "../../services/enrolment/freeze-applicants";
import { revealWitness } from "../../services/enrolment/reveal-witness";
import { intakePhases } from "../../services/enrolment/intake-phases";
import { jsonBody, paramsOf, queryOf } from "../../validate";

const Id = z.strictObject({ id: ApplicationId });
const DocParams = z.strictObject({ id: ApplicationId, documentId: z.uuid("材料编号不正确") });
const RunParams = z.strictObject({ runId: RunId });

export const staffApplicationRoutes = new Hono<StaffEnv>()
  .get("/", permit(listApplications.action), queryOf(ApplicationQuery), async (c) =>
    c.json(await listApplications({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("query") } }), 200),
  )
  .get("/counts", permit(countApplicationQueues.action), async (c) =>
    c.json({ counts: await countApplicationQueues({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } }) }, 200),
  )
  .get("/:id", permit(getApplication.action), paramsOf(Id), async (c) =>
    c.json({ application: await getApplication({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("param") } }) }, 200),
  )
  .post("/:id/reveal", permit(revealField.action), paramsOf(Id), jsonBody(RevealInput), async (c) =>
    c.json(await revealField({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }), 200),
  )
  .get("/:id/documents/:documentId", permit(downloadDocument.action), paramsOf(DocParams), async (c) =>
    downloadDocument({ ctx: contextOf(c), input: c.req.valid("param") }),
  )
  .get("/:id/documents/:documentId/inline", permit(viewDocument.action), paramsOf(DocParams), async (c) =>
    viewDocument({ ctx: contextOf(c), input: c.req.valid("param") }),
  )
  .post("/:id/documents/:documentId/review", permit(reviewDocument.action), paramsOf(DocParams), jsonBody(DocumentReviewInput), async (c) =>
    c.json(await reviewDocument({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }), 200),
  )
  .post("/:id/request-information", permit(requestInformation.action), paramsOf(Id), jsonBody(RequestInfoInput), async (c) =>
    c.json(await requestInformation({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }), 200),
  )
  .post("/:id/decision", permit(decideEligibility.action), paramsOf(Id), jsonBody(DecisionInput), async (c) =>
    c.json(await decideEligibility({ ctx: contextOf(c), input: { ...c.req.valid("json"), ...c.req.valid("param") } }), 200),
  );

export const staffAllocationRoutes = new Hono<StaffEnv>()
  .get("/phase", permit(runAllocation.action), async (c) => c.json(await intakePhases({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current() } }), 200))
  .post("/commitments", permit(commitWitness.action), jsonBody(CommitInput), async (c) =>
    c.json(await commitWitness({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("json") } }), 201),
  )
  .post("/freeze", permit(freezeApplicants.action), jsonBody(GradeInput), async (c) =>
    c.json(await freezeApplicants({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("json") } }), 200),
  )
  .post("/reveals", permit(revealWitness.action), jsonBody(DrawRevealInput), async (c) =>
    c.json(await revealWitness({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("json") } }), 200),
  )
  .post("/draws", permit(drawAllocation.action), jsonBody(GradeInput), async (c) =>
    c.json(await drawAllocation({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("json") } }), 201),
  )
  .post("/runs", permit(runAllocation.action), jsonBody(GradeInput), async (c) =>
    c.json(await runAllocation({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("json") } }), 201),
  )
  .get("/runs/:runId", permit(getRun.action), paramsOf(RunParams), async (c) => c.json(await getRun({ ctx: contextOf(c), input: c.req.valid("param") }), 200))
  .post("/runs/:runId/publish", permit(publishAllocation.action), paramsOf(RunParams), async (c) =>
    c.json(await publishAllocation({ ctx: contextOf(c), input: { catalogue: await c.var.deps.catalogue.current(), ...c.req.valid("param") } }), 200),
  );
