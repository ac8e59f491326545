/**
 * `/api/staff/applications` and `/api/staff/allocation`: the enrolment review queue and the
 * allocation for the console. Every route carries `permit()` (the permission-walk test
 * checks); every verb audits its read or change. Unknown ids answer 404 with no data.
 */
import { Hono, type Context } from "hono";
import { z } from "../../../src/domain/zod";
import {
  AllocationRunInput,
  ApplicationId,
  ApplicationQuery,
  DecisionInput,
  DocumentReviewInput,
  RequestInfoInput,
  RevealInput,
  RunId,
} from "../../../src/domain/enrolment/staff-schemas";
import { permit, staffCtx, type StaffEnv } from "../../middleware/staff-auth";
import { fieldKeysOf } from "../../platform/field-crypto";
import type { SecureCtx, StaffCtx } from "../../services/context";
import { getRun, publishAllocation, runAllocation } from "../../services/enrolment/allocation";
import { getApplication, revealField } from "../../services/enrolment/staff-detail";
import { listApplications } from "../../services/enrolment/staff-list";
import { decideEligibility, downloadDocument, requestInformation, reviewDocument } from "../../services/enrolment/staff-review";
import { jsonBody, paramsOf, queryOf } from "../../validate";

function ctxOf(c: Context<StaffEnv>): StaffCtx & SecureCtx {
  const { deps } = c.var;
  return { ...staffCtx(c), keys: fieldKeysOf(deps.config.secrets), blobs: deps.blobs };
}

const Id = z.strictObject({ id: ApplicationId });
const DocParams = z.strictObject({ id: ApplicationId, documentId: z.uuid("材料编号不正确") });
const RunParams = z.strictObject({ runId: RunId });

export const staffApplicationRoutes = new Hono<StaffEnv>()
  .get("/", permit("applications.review"), queryOf(ApplicationQuery), async (c) =>
    c.json(await listApplications({ ctx: ctxOf(c), catalogue: await c.var.deps.catalogue.current(), query: c.req.valid("query") }), 200),
  )
  .get("/:id", permit("applications.review"), paramsOf(Id), async (c) =>
    c.json({ application: await getApplication({ ctx: ctxOf(c), catalogue: await c.var.deps.catalogue.current(), id: c.req.valid("param").id }) }, 200),
  )
  .post("/:id/reveal", permit("applications.review"), paramsOf(Id), jsonBody(RevealInput), async (c) =>
    c.json(await revealField({ ctx: ctxOf(c), id: c.req.valid("param").id, ...c.req.valid("json") }), 200),
  )
  .get("/:id/documents/:documentId", permit("applications.review"), paramsOf(DocParams), async (c) => {
    const { id, documentId } = c.req.valid("param");
    return downloadDocument({ ctx: ctxOf(c), id, documentId });
  })
  .post("/:id/documents/:documentId/review", permit("applications.review"), paramsOf(DocParams), jsonBody(DocumentReviewInput), async (c) => {
    const { id, documentId } = c.req.valid("param");
    return c.json(await reviewDocument({ ctx: ctxOf(c), id, documentId, input: c.req.valid("json") }), 200);
  })
  .post("/:id/request-information", permit("applications.review"), paramsOf(Id), jsonBody(RequestInfoInput), async (c) =>
    c.json(await requestInformation({ ctx: ctxOf(c), id: c.req.valid("param").id, input: c.req.valid("json") }), 200),
  )
  .post("/:id/decision", permit("applications.review"), paramsOf(Id), jsonBody(DecisionInput), async (c) =>
    c.json(await decideEligibility({ ctx: ctxOf(c), id: c.req.valid("param").id, input: c.req.valid("json") }), 200),
  );

export const staffAllocationRoutes = new Hono<StaffEnv>()
  .post("/runs", permit("allocation.run"), jsonBody(AllocationRunInput), async (c) =>
    c.json(await runAllocation({ ctx: ctxOf(c), catalogue: await c.var.deps.catalogue.current(), input: c.req.valid("json") }), 201),
  )
  .get("/runs/:runId", permit("allocation.run"), paramsOf(RunParams), async (c) => c.json(await getRun({ ctx: ctxOf(c), runId: c.req.valid("param").runId }), 200))
  .post("/runs/:runId/publish", permit("allocation.publish"), paramsOf(RunParams), async (c) =>
    c.json(await publishAllocation({ ctx: ctxOf(c), catalogue: await c.var.deps.catalogue.current(), runId: c.req.valid("param").runId }), 200),
  );
