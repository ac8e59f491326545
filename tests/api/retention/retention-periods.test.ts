/**
 * Retention from one source: the privacy notice's RETENTION (src/domain/privacy-notice.ts)
 * drives each purger, checked with a fake clock on both sides of each boundary (kept one day,
 * or for drafts one hour, before; purged at it). Audit rows are purged after their period while
 * the database still refuses any update and any delete of a row younger than the legal six
 * months (migration 0009), even for a purge run with a clock set in the future.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications, auditLog, complaints, idempotencyKeys, outboxMessages } from "../../../db/schema";
import { purgeAuditLog } from "../../../functions/services/audit/purge-audit-log";
import { purgeComplaints } from "../../../functions/services/complaint/purge-complaints";
import { purgeEnrolment } from "../../../functions/services/enrolment/purge-enrolment";
import { PURGERS } from "../../../functions/services/retention/internal/purgers";
import { purgeIdempotencyKeys } from "../../../functions/services/retention/purge-idempotency-keys";
import { purgeOutboxMessages } from "../../../functions/services/retention/purge-outbox-messages";
import { ERASED_TEXT } from "../../../src/domain/complaint/retention";
import { AUDIT_MINIMUM_MONTHS, monthsBefore, RETENTION } from "../../../src/domain/privacy-notice";
import { fileComplaint } from "../../fixtures/complaints";
import { validApplication } from "../../fixtures/enrolment";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, recordingLogger } from "../../fixtures/test-app";
import { enrolmentApp, postDraft } from "../enrolment/enrolment-app";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe("retention periods from the privacy notice", () => {
  const tempDb = useTempDb();
  const ctxAt = (at: string | number) => ({
    db: tempDb().db,
    blobs: buildTestApp(tempDb()).deps.blobs,
    clock: fixedClock(typeof at === "number" ? iso(at) : at),
    log: recordingLogger(),
  });

  it("shows every period on /privacy/, runs a purger for each, and keeps audit logs at least the legal minimum", () => {
    const page = readFileSync("src/pages/privacy.astro", "utf8");
    for (const key of Object.keys(RETENTION)) expect(page, `privacy.astro shows RETENTION.${key}`).toContain(`{RETENTION.${key}}`);
    expect(PURGERS.map((p) => p.purge)).toEqual(expect.arrayContaining([purgeComplaints, purgeEnrolment, purgeAuditLog, purgeIdempotencyKeys, purgeOutboxMessages]));
    expect(RETENTION.auditMonths).toBeGreaterThanOrEqual(AUDIT_MINIMUM_MONTHS);
  });

  it(`erases a complaint's details ${RETENTION.complaintMonths} months after it was answered, not accepted or merged: kept the day before`, async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    const db = tempDb().db;
    const refs = [];
    for (let i = 0; i < 3; i++) refs.push((await fileComplaint(app, { contactMode: "named", name: "钱七", phone: `1390013900${i}` })).reference);
    const [answered, refused, merged] = refs as [string, string, string];
    await db.update(complaints).set({ status: "answered", acceptedOn: "2026-09-02", answeredOn: "2026-09-10", outcome: "substantiated", answer: "答复" }).where(eq(complaints.reference, answered));
    await db.update(complaints).set({ status: "not_accepted", decidedOn: "2026-09-10", notAcceptedReason: "不属于受理范围" }).where(eq(complaints.reference, refused));
    // Merged on 2026-09-10, 23:30 Beijing time (15:30 UTC).
    await db.update(complaints).set({ mergedInto: "x", updatedAt: "2026-09-10T15:30:00.000Z" }).where(eq(complaints.reference, merged));
    const erased = async () => (await db.select({ whatHappened: complaints.whatHappened }).from(complaints).all()).filter((r) => r.whatHappened === ERASED_TEXT).length;

    // 2028-09-09, noon in Beijing: the last day kept.
    expect(await purgeComplaints({ ctx: ctxAt("2028-09-09T04:00:00.000Z") })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await erased()).toBe(0);
    // 2028-09-10, 00:30 in Beijing: 24 months after.
    expect(await purgeComplaints({ ctx: ctxAt("2028-09-09T16:30:00.000Z") })).toEqual({ deleted: 0, anonymised: 3 });
    expect(await erased()).toBe(3);
  });

  it(`deletes an unsubmitted draft ${RETENTION.draftHours} hours after it was saved: kept an hour before`, async () => {
    const { app } = enrolmentApp(tempDb());
    const { consents: _c, ...draft } = validApplication();
    expect((await postDraft(app, draft)).res.status).toBe(303);
    const saved = Date.parse((await tempDb().db.select().from(applications).get())!.createdAt);
    // A draft whose stored retainUntil was set later (by an older period) still goes at the notice's period.
    await tempDb().db.update(applications).set({ retainUntil: "2099-01-01T00:00:00.000Z" });
    const at = saved + RETENTION.draftHours * 3_600_000;
    expect(await purgeEnrolment({ ctx: ctxAt(at - 3_600_000) })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await purgeEnrolment({ ctx: ctxAt(at) })).toEqual({ deleted: 1, anonymised: 0 });
  });

  it(`deletes retry records ${RETENTION.retryRecordDays} days and finished notifications ${RETENTION.notificationDays} days after they were stored: kept the day before, pending never`, async () => {
    const db = tempDb().db;
    const t0 = Date.parse("2026-09-01T08:00:00.000Z");
    await db.insert(idempotencyKeys).values({ scope: "complaints", key: "k-1", requestHash: "h", resultJson: "{}", createdAt: iso(t0) });
    const message = { channel: "sms" as const, recipientSealed: "k1.x", recipientMasked: "138****0000", subject: "s", body: "b", aboutKind: "complaint" as const, aboutId: "c", attempts: 1, createdAt: iso(t0) };
    await db.insert(outboxMessages).values([
      { ...message, id: "sent", status: "sent" },
      { ...message, id: "failed", status: "failed" },
      { ...message, id: "pending", status: "pending" },
    ]);
    const retry = t0 + RETENTION.retryRecordDays * DAY;
    expect(await purgeIdempotencyKeys({ ctx: ctxAt(retry - DAY) })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await purgeIdempotencyKeys({ ctx: ctxAt(retry) })).toEqual({ deleted: 1, anonymised: 0 });
    const notified = t0 + RETENTION.notificationDays * DAY;
    expect(await purgeOutboxMessages({ ctx: ctxAt(notified - DAY) })).toEqual({ deleted: 0, anonymised: 0 });
    expect(await purgeOutboxMessages({ ctx: ctxAt(notified) })).toEqual({ deleted: 2, anonymised: 0 });
    expect((await db.select({ id: outboxMessages.id }).from(outboxMessages).all()).map((r) => r.id)).toEqual(["pending"]);
  });

  it(`deletes audit rows ${RETENTION.auditMonths} months old, keeps one a day younger, and the database refuses any delete under six months`, async () => {
    const db = tempDb().db;
    // The trigger judges by the database's real clock, so the rows are dated from now.
    const now = new Date();
    const expired = monthsBefore(now, RETENTION.auditMonths);
    const row = { action: "test.read", outcome: "success" as const, requestId: "r" };
    await db.insert(auditLog).values([
      { ...row, at: expired },
      { ...row, at: iso(Date.parse(expired) + DAY) },
      { ...row, at: monthsBefore(now, 5) },
      { ...row, at: monthsBefore(now, 7) },
    ]);
    const ats = async () => (await db.select({ at: auditLog.at }).from(auditLog).all()).map((r) => r.at).sort();
    expect(await purgeAuditLog({ ctx: ctxAt(now.getTime()) })).toEqual({ deleted: 1, anonymised: 0 });
    expect(await ats()).toEqual([iso(Date.parse(expired) + DAY), monthsBefore(now, 7), monthsBefore(now, 5)]);

    const raw = tempDb().client;
    await expect(raw.execute({ sql: "delete from audit_log where at = ?", args: [monthsBefore(now, 5)] })).rejects.toThrow(/kept at least six months/);
    await expect(raw.execute("update audit_log set detail = 'x'")).rejects.toThrow(/append-only/);
    await raw.execute({ sql: "delete from audit_log where at = ?", args: [monthsBefore(now, 7)] });
    // A purge whose clock runs a year ahead would reach the five-month-old row: the database refuses, and nothing goes.
    await expect(purgeAuditLog({ ctx: ctxAt(now.getTime() + 365 * DAY) })).rejects.toThrow();
    expect(await ats()).toEqual([iso(Date.parse(expired) + DAY), monthsBefore(now, 5)]);
  });
});
