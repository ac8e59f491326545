import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";
import { postJson, VALID_COMPLAINT } from "../../fixtures/complaints";

describe("public complaint statistics and open data", () => {
  const tempDb = useTempDb();

  async function fileMany(app: ReturnType<typeof buildTestApp>["app"], plan: [string, number][]) {
    let n = 0;
    for (const [category, count] of plan) {
      for (let i = 0; i < count; i++) {
        const res = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, category, publishConsent: n % 2 === 0 }, { "X-Test-Client-Address": `192.0.2.${n++}` });
        expect(res.status).toBe(201);
      }
    }
  }

  it("suppresses counts under 5 on the server, with the next smallest cell when only one is small", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 6], ["curriculum", 5], ["tutoring", 2]]);
    const res = await app.request("/api/complaints/stats");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("max-age=300");
    const stats = await res.json();
    expect(stats.total).toBe(13);
    expect(stats.byCategory).toEqual([
      { key: "curriculum", count: null },
      { key: "fees", count: 6 },
      { key: "tutoring", count: null },
    ]);
    expect(stats.bySchool).toEqual([{ key: "shiyan-xiaoxue", count: 13 }]);
    expect(stats.byDepartment).toEqual([{ key: "jiaoyu-ju", count: 13 }]);
    expect(stats.medianDaysToAcceptance).toBeNull();
    expect(JSON.stringify(stats)).not.toMatch(/"count":[1-4][,}]/);
  });

  it("offers the same figures as CSV, a suppressed count reading <5", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 5], ["tutoring", 1], ["burden", 7]]);
    const res = await app.request("/api/complaints/stats.csv");
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Chinese labels as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("dimension,key,label,count\r\n")).toBe(true);
    expect(csv).toContain("category,tutoring,违规办班、有偿补课,<5");
    expect(csv).toContain("category,fees,违规收费、强制购买,<5");
    expect(csv).toContain("category,burden,作业、考试和排名负担,7");
  });

  it("serves Open311 GeoReport v2 services and only consenting filers' requests, with public fields only", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 3]]);
    const services = await (await app.request("/api/open311/v2/services.json")).json();
    expect(services).toHaveLength(12);
    expect(services[0]).toMatchObject({ service_code: "admission-exam", service_name: "与入学挂钩的选拔考试", metadata: false, type: "realtime" });
    const requests = await (await app.request("/api/open311/v2/requests.json")).json();
    expect(requests).toHaveLength(2);
    expect(Object.keys(requests[0]).sort()).toEqual(["agency_responsible", "requested_datetime", "service_code", "service_name", "service_request_id", "status", "status_notes", "updated_datetime"]);
    expect(JSON.stringify(requests)).not.toContain(VALID_COMPLAINT.whatHappened);
    expect(requests[0].status).toBe("open");
  });
});
