import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaintEvents, complaints } from "../../../db/schema";
import { purgeComplaints } from "../../../functions/services/complaint/purge-complaints";
import { PURGERS } from "../../../functions/services/retention/internal/purgers";
import { ERASED_TEXT } from "../../../src/domain/complaint/retention";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";
import { fileComplaint } from "../../fixtures/complaints";

describe("the complaints purger", () => {
  const tempDb = useTempDb();

  it("is registered, and anonymises a case 24 months (the privacy notice's period) after its answer, once, keeping what the statistics count", async () => {
    expect(PURGERS.map((p) => p.purge)).toContain(purgeComplaints);
    const { app, deps } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    const kept = await fileComplaint(app, { contactMode: "named", name: "赵六", phone: "13900139000" });
    const old = await fileComplaint(app, { contactMode: "named", name: "钱七", phone: "13900139001" });
    const db = tempDb().db;
    await db.update(complaints).set({ status: "answered", acceptedOn: "2026-09-02", answeredOn: "2026-09-10", outcome: "substantiated", answer: "答复" }).where(eq(complaints.reference, old.reference));
    await db.update(complaints).set({ status: "answered", acceptedOn: "2026-09-02", answeredOn: "2026-12-01", outcome: "substantiated", answer: "答复" }).where(eq(complaints.reference, kept.reference));

    const ctx = { db, blobs: deps.blobs, clock: fixedClock("2028-11-20T00:00:00.000Z"), log: deps.log };
    expect(await purgeComplaints({ ctx })).toEqual({ deleted: 0, anonymised: 1 });
    expect(await purgeComplaints({ ctx })).toEqual({ deleted: 0, anonymised: 0 });

    const purged = (await db.select().from(complaints).where(eq(complaints.reference, old.reference)).get())!;
    expect(purged).toMatchObject({ whatHappened: ERASED_TEXT, contactSealed: null, category: "fees", answeredOn: "2026-09-10", outcome: "substantiated" });
    const events = await db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, purged.id)).all();
    expect(events.every((e) => e.text === null)).toBe(true);
    const untouched = (await db.select().from(complaints).where(eq(complaints.reference, kept.reference)).get())!;
    expect(untouched.contactSealed).not.toBeNull();
  });
});
