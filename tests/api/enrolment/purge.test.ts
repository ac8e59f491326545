import { describe, expect, it } from "vitest";
import { applicationDocuments, applications } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { purgeEnrolment } from "../../../functions/services/enrolment/purge-enrolment";
import { enrolmentApp, postDraft, submit } from "./enrolment-app";
import { validApplication } from "../../fixtures/enrolment";

const tempDb = useTempDb();

describe("the enrolment retention purge, with a fake clock", () => {
  it("keeps applications until the intake's end plus twelve months, then deletes them with their files", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    expect((await submit(app)).status).toBe(201);
    const [doc] = await tempDb().db.select().from(applicationDocuments);
    const ctx = (iso: string) => ({ db: tempDb().db, blobs: deps.blobs, clock: fixedClock(iso), log: deps.log });

    // The 2026 intake allocates places from 2027-09-01: kept until 2028-09-01.
    expect(await purgeEnrolment({ ctx: ctx("2028-08-31T23:59:59.000Z") })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await tempDb().db.select().from(applications)).toHaveLength(1);
    expect(await deps.blobs.get(doc!.blobKey)).not.toBeNull();

    expect(await purgeEnrolment({ ctx: ctx("2028-09-01T00:00:00.000Z") })).toEqual({ deleted: 1, anonymised: 0 });
    expect(await tempDb().db.select().from(applications)).toHaveLength(0);
    expect(await tempDb().db.select().from(applicationDocuments)).toHaveLength(0);
    expect(await deps.blobs.get(doc!.blobKey)).toBeNull();
  });

  it("removes an unsubmitted no-JS draft after a day", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    const { consents: _c, ...draft } = validApplication();
    const { res } = await postDraft(app, draft);
    expect(res.status).toBe(303);
    const ctx = (iso: string) => ({ db: tempDb().db, blobs: deps.blobs, clock: fixedClock(iso), log: deps.log });
    expect(await purgeEnrolment({ ctx: ctx("2026-12-01T12:00:00.000Z") })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await purgeEnrolment({ ctx: ctx("2026-12-02T02:00:00.000Z") })).toEqual({ deleted: 1, anonymised: 0 });
  });
});
