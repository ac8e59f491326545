/**
 * Issue 16 item 8 (SECURITY.md item 13): a second application for the same child is answered
 * exactly like a first one, so a caller cannot learn that an ID number has applied. The
 * family on file is told by SMS; staff see the duplicate flagged and cannot find it eligible.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { applications, auditLog, outboxMessages } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { fakeIdNumber, validApplication } from "../../fixtures/enrolment";
import { get, insertUser, post, signInFully } from "../../fixtures/staff";
import { enrolmentApp, submit, trackJson } from "./enrolment-app";

const tempDb = useTempDb();

/** What a caller can see of a reply: status, the headers that matter, the body's keys and formats. */
async function shapeOf(res: Response) {
  const body = (await res.json()) as Record<string, unknown>;
  return {
    status: res.status,
    headers: ["content-type", "cache-control", "set-cookie", "retry-after", "location"].map((h) => [h, res.headers.get(h)]),
    keys: Object.keys(body).sort(),
    reference: /^RX\d{4}-\d{5}$/.test(String(body.reference)),
    accessCode: String(body.accessCode).replace(/[A-Z0-9]/g, "x"),
    submittedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(String(body.submittedAt)),
    replayed: body.replayed,
  };
}

describe("a second application for the same child", () => {
  it("gets the same acknowledgement as a first application; the first family is told by SMS; staff see the flag", async () => {
    const { app, clock } = enrolmentApp(tempDb());
    const first = await submit(app, validApplication(1), { key: "first-family-1" });
    const firstShape = await shapeOf(first.clone());
    const firstBody = (await first.json()) as { reference: string };

    const again = validApplication(1);
    again.guardians[0]!.phone = "13900001111";
    const dup = await submit(app, again, { key: "second-try-22" });
    const dupBody = (await dup.clone().json()) as { reference: string; accessCode: string };
    expect(await shapeOf(dup)).toEqual(firstShape);
    expect(firstShape.status).toBe(201);
    // The next number in the same series: nothing skipped, nothing reused.
    expect(dupBody.reference).toBe("RX2026-00002");
    expect(dupBody.reference).not.toBe(firstBody.reference);

    // A brand-new child right after gets the next number too: the series does not reveal the duplicate.
    const sibling = validApplication(1);
    sibling.child.idNumber = fakeIdNumber("2020-05-17", "female", 77);
    const third = await submit(app, sibling, { key: "sibling-key-3" });
    expect(await shapeOf(third.clone())).toEqual(firstShape);
    expect(((await third.json()) as { reference: string }).reference).toBe("RX2026-00003");

    // The duplicate's code tracks like any application ("已提交").
    const tracked = await trackJson(app, dupBody.reference, dupBody.accessCode);
    expect(tracked.status).toBe(200);
    expect(((await tracked.json()) as { application: { state: string } }).application.state).toBe("submitted");

    // The family on file is told, by SMS to its own phone; the second caller gets the usual acknowledgement.
    const sms = await tempDb().db.select().from(outboxMessages);
    const warned = sms.filter((m) => m.subject === "有人再次为您的孩子提交入学申请");
    expect(warned.map((m) => m.recipientMasked)).toEqual(["138****5678"]);
    expect(warned[0]!.body).not.toMatch(/\d{6}/);
    // A message that says 请致电 prints the number (docs/style.md).
    expect(warned[0]!.body).toMatch(/请致电区教育局招生咨询电话0570-\d{4} \d{4}。$/);
    expect(sms.filter((m) => m.recipientMasked === "139****1111")).toHaveLength(1);
    const denied = await tempDb().db.select().from(auditLog).where(eq(auditLog.detail, "duplicate_child"));
    expect(denied).toHaveLength(1);

    // Stored as a duplicate of the first, with no child index (the unique index still holds).
    const rows = await tempDb().db.select().from(applications);
    const dupRow = rows.find((r) => r.reference === dupBody.reference)!;
    const firstRow = rows.find((r) => r.reference === firstBody.reference)!;
    expect(dupRow.duplicateOf).toBe(firstRow.id);
    expect(dupRow.childIndex).toBeNull();

    // Staff see it in the list and on the detail page, and cannot find it eligible.
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const cookie = await signInFully(app, officer, clock.now());
    const list = (await (await get(app, "/api/staff/applications", cookie)).json()) as { items: { id: string; reference: string; duplicate: boolean }[] };
    expect(list.items.filter((i) => i.duplicate).map((i) => i.reference)).toEqual([dupBody.reference]);
    const detail = (await (await get(app, `/api/staff/applications/${dupRow.id}`, cookie)).json()) as { application: { duplicateOf: { reference: string } | null } };
    expect(detail.application.duplicateOf?.reference).toBe(firstBody.reference);
    expect((await post(app, `/api/staff/applications/${dupRow.id}/decision`, { decision: "eligible" }, cookie)).status).toBe(409);
    expect((await post(app, `/api/staff/applications/${dupRow.id}/decision`, { decision: "ineligible", reasonCode: "duplicate", text: "同一名儿童已有申请。" }, cookie)).status).toBe(200);
  });

  it("a third application for the child is a duplicate of the first, and a retry replays its own answer", async () => {
    const { app } = enrolmentApp(tempDb());
    expect((await submit(app, validApplication(2), { key: "first-family-2" })).status).toBe(201);
    const dup = (await (await submit(app, validApplication(2), { key: "dup-key-0002" })).json()) as { reference: string; accessCode: string };
    const retry = await submit(app, validApplication(2), { key: "dup-key-0002" });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ reference: dup.reference, accessCode: dup.accessCode, replayed: true });
    expect((await submit(app, validApplication(2), { key: "dup-key-0003" })).status).toBe(201);
    const rows = await tempDb().db.select().from(applications);
    const first = rows.find((r) => r.duplicateOf === null)!;
    expect(rows.filter((r) => r.duplicateOf === first.id)).toHaveLength(2);
  });

  it("files five different keys for one child at once as one first application and four duplicates, the first family told four times", async () => {
    const { app } = enrolmentApp(tempDb());
    // Each reads "no application yet" before its batch; all but the first batch find their guard
    // failed, write nothing, and file again, now as duplicates.
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(app, validApplication(3), { key: `racing-key-000${i}` })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const rows = await tempDb().db.select().from(applications);
    const first = rows.filter((r) => r.duplicateOf === null);
    expect(first).toHaveLength(1);
    expect(rows.filter((r) => r.duplicateOf === first[0]!.id)).toHaveLength(4);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(5);
    const warnings = await tempDb().db.select().from(outboxMessages).where(eq(outboxMessages.aboutId, first[0]!.id));
    // The first family's own receipt and one warning per duplicate.
    expect(warnings).toHaveLength(5);
  });
});
