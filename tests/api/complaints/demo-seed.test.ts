import { describe, expect, it } from "vitest";
import { complaints } from "../../../db/schema";
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
});
