import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";
import { postJson, VALID_COMPLAINT } from "../../fixtures/complaints";
import { copyFindings } from "../../fixtures/copy-rules";

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

  it("offers the same figures as CSV with names, a hidden count empty and noted 不公布", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 5], ["tutoring", 1], ["burden", 7]]);
    const res = await app.request("/api/complaints/stats.csv");
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Chinese labels as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("table,key,name,count,note\r\n")).toBe(true);
    expect(csv).toContain("category,tutoring,违规办班、有偿补课,,不公布\r\n");
    expect(csv).toContain("category,fees,违规收费、强制购买,,不公布\r\n");
    expect(csv).toContain("category,burden,作业、考试和排名负担,7,\r\n");
    expect(csv).toContain("school,shiyan-xiaoxue,清溪区实验小学,13,\r\n");
    expect(csv).toContain("department,jiaoyu-ju,教育局,13,\r\n");
    expect(csv).toContain("month,2026-09,2026年9月,13,\r\n");
    expect(csv).toContain("total,,投诉总数,13,\r\n");
  });

  it("serves Open311 GeoReport v2 services and lists no open case (the consent covers publication after the case is concluded)", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 3]]);
    const services = await (await app.request("/api/open311/v2/services.json")).json();
    expect(services).toHaveLength(12);
    expect(services[0]).toMatchObject({ service_code: "admission-exam", service_name: "与入学挂钩的选拔考试", metadata: false, type: "realtime" });
    const requests = await (await app.request("/api/open311/v2/requests.json")).json();
    expect(requests).toEqual([]);
  });

  it("renders the statistics page on the server: current figures, four captioned tables with names, no script", async () => {
    const { app } = buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });
    await fileMany(app, [["fees", 6], ["curriculum", 5], ["tutoring", 2]]);
    const res = await app.request("/api/complaints/stats.html");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(res.headers.get("Cache-Control")).toContain("max-age=300");
    const page = await res.text();
    const main = page.slice(page.indexOf("<main"), page.indexOf("</main>"));
    // Its copy follows docs/style.md like the built pages (tests/e2e/copy-style.test.ts).
    expect(copyFindings("/complaints/stats/", page)).toEqual([]);
    expect(main).not.toContain("<script");
    expect(main.match(/<caption>/g)).toHaveLength(4);
    expect(main).toContain("<caption>按投诉类别的投诉件数（截至2026年9月1日）</caption>");
    expect(main).toMatch(/<th scope="row">违规收费、强制购买<\/th><td class="num">6<\/td>/);
    expect(main).toMatch(/<th scope="row">违规办班、有偿补课<\/th><td class="num">不公布<\/td>/);
    expect(main).toMatch(/<th scope="row">清溪区实验小学<\/th><td class="num">13<\/td>/);
    expect(main).toMatch(/<th scope="row">2026年9月<\/th><td class="num">13<\/td>/);
    expect(main).toContain("<dt>投诉总数</dt><dd>13</dd>");
    // A new case shows at once (no build step between the data and the page).
    await fileMany(app, [["burden", 1]]);
    expect(await (await app.request("/api/complaints/stats.html")).text()).toContain("<dt>投诉总数</dt><dd>14</dd>");
  });
});
