/**
 * Issue 22 item 1: tracking no one can use against its owner. Through the real complaint
 * routes on a temp database: wrong codes never lock a reference (they only slow it, by a
 * bounded delay the test clock records), the per-client limit refuses one client and not
 * another, an unknown reference and a wrong code answer alike (status, body, and time,
 * measured as medians over interleaved repeats), and every refusal leaves an audit row
 * naming the reference.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { RECEIPT_NOT_FOUND, RECEIPT_POLICY, referenceDelayMs } from "../../../functions/services/receipt/internal/receipt-policy";
import { fileComplaint, postJson } from "../../fixtures/complaints";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, TEST_CLIENT_HEADER } from "../../fixtures/test-app";

const TRACK = "/api/complaints/track";
const WRONG_CODE = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG";
/** Interleaved pairs for the timing comparison; more with RECEIPT_TIMING_REPEATS. */
const REPEATS = Number(process.env.RECEIPT_TIMING_REPEATS ?? 40);
const policy = RECEIPT_POLICY.complaint;

const from = (client: string) => ({ [TEST_CLIENT_HEADER]: client });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The refusal without its request id, which differs by design. */
const refusal = async (res: Response) => {
  const { requestId: _id, ...rest } = (await res.json()) as Record<string, unknown>;
  return rest;
};

describe("receipt lookups no one can use against the owner", () => {
  const tempDb = useTempDb();
  const build = () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    return { ...buildTestApp(tempDb(), { clock }), clock };
  };

  it("opens the case with the right code after 50 wrong ones, waiting at most the bound", async () => {
    const { app, clock } = build();
    const r = await fileComplaint(app);
    for (let i = 0; i < 50; i++) expect((await postJson(app, TRACK, { reference: r.reference, code: WRONG_CODE }, from(`198.51.100.${i}`))).status).toBe(404);
    // The delay grew with the wrong codes and stopped at the bound.
    const grown = Array.from({ length: 50 }, (_, failures) => referenceDelayMs(policy.perReference, failures)).filter((ms) => ms > 0);
    expect(clock.slept).toEqual(grown);
    expect(clock.slept[0]).toBe(policy.perReference.stepMs);
    expect(Math.max(...clock.slept)).toBe(policy.perReference.maxDelayMs);
    clock.slept.length = 0;
    const res = await postJson(app, TRACK, r, from("198.51.100.200"));
    expect(res.status).toBe(200);
    expect(clock.slept).toEqual([policy.perReference.maxDelayMs]);
    // A new window forgets the wrong codes: no delay at all.
    clock.set("2026-09-01T08:20:00.000Z");
    clock.slept.length = 0;
    expect((await postJson(app, TRACK, r, from("198.51.100.200"))).status).toBe(200);
    expect(clock.slept).toEqual([]);
  });

  it("grows the delay step by step after the free wrong codes, and bounds it", () => {
    const rule = policy.perReference;
    expect(referenceDelayMs(rule, rule.freeFailures)).toBe(0);
    expect(referenceDelayMs(rule, rule.freeFailures + 1)).toBe(rule.stepMs);
    expect(referenceDelayMs(rule, rule.freeFailures + 2)).toBe(2 * rule.stepMs);
    expect(referenceDelayMs(rule, 10_000)).toBe(rule.maxDelayMs);
  });

  it("refuses a client past its limit while another client still gets its case", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    for (let i = 0; i < policy.perClient.limit; i++) await postJson(app, TRACK, { reference: r.reference, code: WRONG_CODE }, from("203.0.113.7"));
    const throttled = await postJson(app, TRACK, r, from("203.0.113.7"));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await postJson(app, TRACK, r, from("203.0.113.8"))).status).toBe(200);
  });

  it("answers an unknown reference exactly like a wrong code: status, body and time", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const unknownRef = "TS2026-09999";
    const wrong = await postJson(app, TRACK, { reference: r.reference, code: WRONG_CODE }, from("192.0.2.1"));
    const unknown = await postJson(app, TRACK, { reference: unknownRef, code: WRONG_CODE }, from("192.0.2.1"));
    expect(unknown.status).toBe(wrong.status);
    expect(await refusal(unknown)).toEqual(await refusal(wrong));
    expect((await refusal(await postJson(app, TRACK, { reference: unknownRef, code: WRONG_CODE }, from("192.0.2.1")))).message).toBe(RECEIPT_NOT_FOUND);

    const time = async (reference: string, i: number) => {
      const t0 = performance.now();
      const res = await postJson(app, TRACK, { reference, code: WRONG_CODE }, from(`10.0.${Math.floor(i / 200)}.${i % 200}`));
      await res.arrayBuffer();
      expect(res.status).toBe(404);
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) await time(i % 2 ? unknownRef : r.reference, 1000 + i); // warm up
    const tWrong: number[] = [];
    const tUnknown: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      // Interleaved, alternating which goes first, so load on the machine falls on both alike.
      const first = i % 2 === 0;
      if (first) tWrong.push(await time(r.reference, 2 * i));
      tUnknown.push(await time(unknownRef, 2 * i + 1));
      if (!first) tWrong.push(await time(r.reference, 2 * i));
    }
    const [mw, mu] = [median(tWrong), median(tUnknown)];
    expect(Math.abs(mw - mu), `median wrong ${mw.toFixed(2)} ms, unknown ${mu.toFixed(2)} ms`).toBeLessThanOrEqual(Math.max(3, 0.3 * Math.max(mw, mu)));
  });

  it("audits every wrong code with the reference, and an unknown reference as such", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    await postJson(app, TRACK, { reference: r.reference, code: WRONG_CODE });
    await postJson(app, TRACK, { reference: r.reference, code: "nope" });
    await postJson(app, TRACK, { reference: "ts2026-04242", code: WRONG_CODE });
    await postJson(app, TRACK, r);
    const rows = await tempDb().db.select().from(auditLog).where(and(eq(auditLog.action, "complaint.track_refused"))).all();
    expect(rows.map((a) => [a.objectType, a.objectId, a.outcome, a.detail])).toEqual([
      ["complaint", r.reference, "failure", "wrong_code"],
      ["complaint", r.reference, "failure", "wrong_code"],
      ["complaint", "TS2026-04242", "failure", "unknown_reference"],
    ]);
  });
});
