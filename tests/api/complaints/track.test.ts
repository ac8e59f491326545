import { describe, expect, it } from "vitest";
import { RECEIPT_NOT_FOUND } from "../../../functions/services/receipt/internal/receipt-policy";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";
import { fileComplaint, postForm, postJson } from "../../fixtures/complaints";

describe("tracking a complaint with its receipt", () => {
  const tempDb = useTempDb();
  const build = () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    return { ...buildTestApp(tempDb(), { clock }), clock };
  };

  it("opens the case with the code typed loosely (lower case, no dashes) and shows its clock in words", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const res = await postJson(app, "/api/complaints/track", { reference: r.reference.toLowerCase(), code: r.code.replaceAll("-", "").toLowerCase() });
    expect(res.status).toBe(200);
    const { complaint } = await res.json();
    expect(complaint).toMatchObject({ reference: r.reference, status: "submitted", statusLabel: "已提交，待受理", canAddInformation: true, canRate: false });
    expect(complaint.acceptance.words).toBe("还剩15天，2026年9月16日（含）前完成。");
    expect(complaint.timeline.map((e: { label: string }) => e.label)).toEqual(["收到投诉"]);
  });

  it("gives a wrong code and an unknown reference the same 404", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const wrong = await postJson(app, "/api/complaints/track", { reference: r.reference, code: "AAAA-BBBB" });
    const unknown = await postJson(app, "/api/complaints/track", { reference: "TS2026-09999", code: r.code });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((await wrong.json()).message).toBe(RECEIPT_NOT_FOUND);
    expect((await unknown.json()).message).toBe(RECEIPT_NOT_FOUND);
  });

  it("lets the filer add information, which is on the public timeline", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const res = await postJson(app, "/api/complaints/track/information", { ...r, text: "补充：收费通知发在班级群里。" });
    expect(res.status).toBe(200);
    const { complaint } = await res.json();
    expect(complaint.timeline.at(-1)).toMatchObject({ label: "投诉人补充材料", text: "补充：收费通知发在班级群里。" });
  });

  it("refuses a rating before there is an answer", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const res = await postJson(app, "/api/complaints/track/rate", { ...r, rating: "satisfied" });
    expect(res.status).toBe(409);
  });

  it("shows the no-JS tracking page, and the lookup form again with the error for a wrong code", async () => {
    const { app } = build();
    const r = await fileComplaint(app);
    const ok = await postForm(app, "/api/complaints/track", r);
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain(`投诉${r.reference}`);
    expect(page).toContain("补充材料");
    const bad = await postForm(app, "/api/complaints/track", { reference: r.reference, code: "nope" });
    expect(bad.status).toBe(404);
    const badPage = await bad.text();
    expect(badPage).toContain("存在以下问题");
    expect(badPage).toContain(RECEIPT_NOT_FOUND);
    expect(badPage).toContain('href="#field-code"');
  });

  it("limits lookups per client to 20 in 15 minutes", async () => {
    const { app } = build();
    for (let i = 0; i < 20; i++) await postJson(app, "/api/complaints/track", { reference: "TS2026-00001", code: "x" });
    expect((await postJson(app, "/api/complaints/track", { reference: "TS2026-00001", code: "x" })).status).toBe(429);
  });
});
