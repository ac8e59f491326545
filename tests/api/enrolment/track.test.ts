import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { TEST_CLIENT_HEADER } from "../../fixtures/test-app";
import { enrolmentApp, submit, trackJson } from "./enrolment-app";
import { RECEIPT_NOT_FOUND, RECEIPT_POLICY } from "../../../functions/services/receipt/internal/receipt-policy";

const tempDb = useTempDb();

async function submitted(app: Parameters<typeof submit>[0]) {
  return (await (await submit(app, validApplication())).json()) as { reference: string; accessCode: string };
}

describe("tracking an application", () => {
  it("shows the status and timeline for the right reference and code, in any case and without dashes", async () => {
    const { app } = enrolmentApp(tempDb());
    const { reference, accessCode } = await submitted(app);
    const res = await trackJson(app, reference.toLowerCase(), accessCode.replaceAll("-", "").toLowerCase());
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { application: { reference: string; state: string; timeline: unknown[] } };
    expect(body.application).toMatchObject({ reference, state: "submitted" });
    expect(body.application.timeline).toHaveLength(1);
  });

  // Both tracking flows share one receipt check (functions/services/receipt) and so one reply
  // for "unknown reference or wrong code": the complaints' 404 and message (was 422 here).
  it("answers a wrong code and an unknown reference with the same message", async () => {
    const { app } = enrolmentApp(tempDb());
    const { reference } = await submitted(app);
    const wrong = await trackJson(app, reference, "0000-0000-0000-0000");
    const unknown = await trackJson(app, "RX2026-99999", "0000-0000-0000-0000");
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(((await wrong.json()) as { message: string }).message).toBe(RECEIPT_NOT_FOUND);
    expect(((await unknown.json()) as { message: string }).message).toBe(RECEIPT_NOT_FOUND);
  });

  it("never locks a reference: after 50 wrong codes from many addresses the right code still opens it, after a bounded wait", async () => {
    const { app, clock } = enrolmentApp(tempDb());
    const { reference, accessCode } = await submitted(app);
    for (let i = 0; i < 50; i++) {
      const res = await trackJson(app, reference, `WRNG-CODE-${String(i).padStart(4, "0")}-AAAA`, "/api/enrol/track", { [TEST_CLIENT_HEADER]: `203.0.113.${i}` });
      expect(res.status).toBe(404);
    }
    clock.slept.length = 0;
    expect((await trackJson(app, reference, accessCode, "/api/enrol/track", { [TEST_CLIENT_HEADER]: "203.0.113.99" })).status).toBe(200);
    expect(clock.slept).toEqual([RECEIPT_POLICY.application.perReference.maxDelayMs]);
  });

  it("limits lookups per client to 20 in 15 minutes", async () => {
    const { app } = enrolmentApp(tempDb());
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await trackJson(app, `RX2026-${String(i).padStart(5, "0")}`, "AAAA-BBBB-CCCC-DDDD")).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true); // the one "unknown or wrong" reply (was 422)
    expect(statuses[20]).toBe(429);
  });

  it("answers a no-JS lookup with an HTML page from the shell, the code never in a URL", async () => {
    const { app } = enrolmentApp(tempDb());
    const { reference, accessCode } = await submitted(app);
    const res = await app.request("/api/enrol/track", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ reference, accessCode }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain(reference);
    expect(page).toContain("已提交");
    expect(page).not.toMatch(/href="[^"]*accessCode/);
  });
});
