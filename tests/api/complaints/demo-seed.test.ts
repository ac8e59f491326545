import { describe, expect, it } from "vitest";
import { complaintEvents, complaints } from "../../../db/schema";
import { DEMO_ANSWERS } from "../../../functions/cli/seed/complaints";
import { shanghaiDate } from "../../../src/domain/complaint/time";
import { seedDemoData } from "../../../functions/cli/seed";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, testSecrets } from "../../fixtures/test-app";
import { postJson } from "../../fixtures/complaints";

describe("the demo complaints", () => {
  const tempDb = useTempDb();

  // The seed also creates six staff accounts (argon2id each): allow a slow minute on a shared machine.
  it("are anonymous, spread over every stage, give the statistics figures above the threshold, and print a receipt that works", { timeout: 60_000 }, async () => {
    const now = new Date("2026-09-01T08:00:00.000Z");
    const { lines } = await seedDemoData(tempDb().db, now, { authSecret: testSecrets().AUTH_SECRET });
    const rows = await tempDb().db.select().from(complaints).all();
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.contactMode === "anonymous" && r.contactSealed === null)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["submitted", "accepted", "not_accepted", "assigned", "answered", "closed"]));
    expect(rows.some((r) => r.department === "caizheng-ju")).toBe(true);

    const [, reference, code] = lines.find((l) => l.startsWith("演示投诉回执 | "))!.split(" | ");
    const { app } = buildTestApp(tempDb(), { clock: fixedClock(now.toISOString()) });
    const tracked = await postJson(app, "/api/complaints/track", { reference, code });
    expect(tracked.status).toBe(200);
    expect((await tracked.json()).complaint.answer).not.toBeNull();
    const stats = await (await app.request("/api/complaints/stats")).json();
    expect(stats.total).toBe(30);
    expect(stats.medianDaysToAnswer).not.toBeNull();
    expect(stats.byCategory.some((c: { count: number | null }) => c.count === null)).toBe(true);
  });

  // Issue 22 item 11: seeded at 01:00 UTC, when the seed's usual step hours (02:00–06:00 UTC) of today are still ahead.
  it("holds no step after the seed's now, and each answer's text matches its outcome", { timeout: 60_000 }, async () => {
    const now = new Date("2026-12-03T01:00:00.000Z");
    await seedDemoData(tempDb().db, now, { authSecret: testSecrets().AUTH_SECRET });
    const today = shanghaiDate(now);
    const events = await tempDb().db.select().from(complaintEvents).all();
    expect(events.filter((e) => e.at > now.toISOString())).toEqual([]);
    const rows = await tempDb().db.select().from(complaints).all();
    for (const r of rows) {
      for (const date of [r.receivedOn, r.decidedOn, r.acceptedOn, r.answeredOn]) if (date) expect(date <= today, `${r.reference} ${date}`).toBe(true);
      expect(r.updatedAt <= now.toISOString()).toBe(true);
      if (r.outcome) {
        expect(r.answer).toBe(DEMO_ANSWERS[r.outcome]!.answer);
        if (r.publicSummary) expect(r.publicSummary).toContain(DEMO_ANSWERS[r.outcome]!.summary);
      }
    }
    expect(new Set(rows.filter((r) => r.outcome).map((r) => r.outcome))).toEqual(new Set(["substantiated", "partly_substantiated", "not_substantiated"]));
    // "不属实" is never answered with the "部分属实" text.
    expect(rows.filter((r) => r.outcome === "not_substantiated").every((r) => !r.answer!.includes("部分属实"))).toBe(true);
    // A rated case has its rating in its history, so the filer is not offered to rate it again.
    const rated = rows.filter((r) => r.rating);
    expect(rated.every((r) => events.some((e) => e.complaintId === r.id && e.kind === "rate"))).toBe(true);
  });
});
