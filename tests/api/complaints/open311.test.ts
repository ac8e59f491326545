import { createHash } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { complaintEvents, complaints } from "../../../db/schema";
import { seedDemoComplaints } from "../../../functions/cli/seed/complaints";
import {
  Open311Discovery,
  Open311Errors,
  Open311RequestList,
  Open311ServiceDefinition,
  Open311ServiceList,
} from "../../../src/domain/complaint/open311";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";

const NOW = new Date("2026-12-03T08:00:00.000Z");
type Row = typeof complaints.$inferSelect;
type Req = z.infer<typeof Open311RequestList>[number];

/** Written here from the rule, not imported: consenting and concluded (answered, not accepted or closed). */
const listed = (r: Row) => r.publishConsent && (r.answeredOn !== null || r.status === "not_accepted" || r.status === "closed");
const idOf = (r: Row) => createHash("sha256").update(`open311:${r.id}`).digest("hex").slice(0, 16);
const dayInstant = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const ids = (docs: Req[]) => docs.map((d) => d.service_request_id).sort();
const expectIds = (rows: Row[]) => rows.map(idOf).sort();

describe("Open311 GeoReport v2, read side", () => {
  const tempDb = useTempDb();
  let app: ReturnType<typeof buildTestApp>["app"];
  let rows: Row[];

  beforeEach(async () => {
    await tempDb().db.transaction((tx) => seedDemoComplaints(tx, NOW));
    // One listed case reopened for review, so status=open has something to find.
    const reviewable = (await tempDb().db.select().from(complaints).all()).sort((x, y) => y.receivedOn.localeCompare(x.receivedOn)).find((r) => listed(r) && r.answeredOn !== null)!;
    await tempDb().db.update(complaints).set({ status: "under_review", reviewRequestedOn: "2026-11-30" }).where(eq(complaints.id, reviewable.id));
    rows = await tempDb().db.select().from(complaints).all();
    app = buildTestApp(tempDb(), { clock: fixedClock(NOW.toISOString()) }).app;
  });

  const get = async (path: string, init?: RequestInit) => app.request(`/api/open311${path}`, init);
  const list = async (query = "") => {
    const res = await get(`/v2/requests.json${query}`);
    expect(res.status, query).toBe(200);
    return Open311RequestList.parse(await res.json());
  };

  it("lists by default the listed cases of the last 90 days, newest day first, in the spec's shape", async () => {
    const docs = await list();
    const from = NOW.getTime() - 90 * 86_400_000;
    const want = rows.filter((r) => listed(r) && dayInstant(r.receivedOn) >= from && dayInstant(r.receivedOn) <= NOW.getTime());
    expect(want.length).toBeGreaterThan(2);
    expect(ids(docs)).toEqual(expectIds(want));
    expect(docs.map((d) => d.requested_datetime)).toEqual([...docs.map((d) => d.requested_datetime)].sort().reverse());
    // Unlisted cases (no consent, or still open) never appear, whatever the window.
    const wide = await list("?start_date=2026-07-01T00:00:00%2B08:00&end_date=2026-09-28T00:00:00%2B08:00");
    for (const d of [...docs, ...wide]) expect(listed(rows.find((r) => idOf(r) === d.service_request_id)!)).toBe(true);
  });

  it("filters by status, service_code, start_date and end_date exactly as the database says", async () => {
    const all = rows.filter(listed);
    const window = "start_date=2026-09-05T00:00:00Z&end_date=2026-12-03T08:00:00Z";
    const inWindow = (r: Row) => dayInstant(r.receivedOn) >= Date.parse("2026-09-05T00:00:00Z") && dayInstant(r.receivedOn) <= NOW.getTime();
    const closed = (r: Row) => ["answered", "closed", "not_accepted"].includes(r.status);
    expect(ids(await list(`?${window}&status=open`))).toEqual(expectIds(all.filter((r) => inWindow(r) && !closed(r))));
    expect(ids(await list(`?${window}&status=closed`))).toEqual(expectIds(all.filter((r) => inWindow(r) && closed(r))));
    expect(ids(await list(`?${window}&status=open,closed`))).toEqual(expectIds(all.filter(inWindow)));
    expect(ids(await list(`?${window}&status=open&status=closed`))).toEqual(expectIds(all.filter(inWindow)));
    expect(ids(await list(`?${window}&status=open`)).length).toBe(1);
    expect(ids(await list(`?${window}&service_code=fees,tutoring`))).toEqual(expectIds(all.filter((r) => inWindow(r) && ["fees", "tutoring"].includes(r.category))));
    expect(ids(await list(`?${window}&service_code=burden`))).toEqual(expectIds(all.filter((r) => inWindow(r) && r.category === "burden")));
    // start_date alone: the 90 days from it; end_date alone: the 90 days up to it.
    const start = "2026-08-10T00:00:00+08:00";
    expect(ids(await list(`?start_date=${encodeURIComponent(start)}`))).toEqual(
      expectIds(all.filter((r) => dayInstant(r.receivedOn) >= Date.parse(start) && dayInstant(r.receivedOn) <= Date.parse(start) + 90 * 86_400_000)),
    );
    const end = "2026-10-01T00:00:00+08:00";
    expect(ids(await list(`?end_date=${encodeURIComponent(end)}`))).toEqual(
      expectIds(all.filter((r) => dayInstant(r.receivedOn) <= Date.parse(end) && dayInstant(r.receivedOn) >= Date.parse(end) - 90 * 86_400_000)),
    );
    // An empty parameter is the same as none.
    expect(ids(await list("?status=&service_code="))).toEqual(ids(await list()));
  });

  it("service_request_id (a comma list) overrides every other filter; requests/<id> gives one", async () => {
    const [a, b] = rows.filter(listed).sort((x, y) => x.receivedOn.localeCompare(y.receivedOn));
    const docs = await list(`?service_request_id=${idOf(a!)},${idOf(b!)}&status=open&service_code=other&end_date=2020-01-01T00:00:00Z`);
    expect(ids(docs)).toEqual(expectIds([a!, b!]));
    const one = await get(`/v2/requests/${idOf(a!)}.json`);
    expect(one.status).toBe(200);
    const [doc] = Open311RequestList.length(1).parse(await one.json());
    expect(doc!.service_code).toBe(a!.category);
    // A case that is not listed answers exactly like an id that does not exist.
    const hidden = rows.find((r) => !listed(r))!;
    for (const id of [idOf(hidden), "0123456789abcdef"]) {
      const res = await get(`/v2/requests/${id}.json`);
      expect(res.status).toBe(404);
      expect(Open311Errors.parse(await res.json())[0]!.code).toBe(404);
    }
  });

  it("dates: requested and updated at day resolution, updated from the last public event, expected from the due date", async () => {
    const docs = await list("?start_date=2026-09-05T00:00:00Z&end_date=2026-12-03T08:00:00Z");
    // The last public event of each case, read here from the events (an answer, or a rating after it).
    const lastPublic = await tempDb()
      .db.select({ id: complaintEvents.complaintId, at: max(complaintEvents.at) })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.visibility, "public")))
      .groupBy(complaintEvents.complaintId)
      .all();
    const beijingDay = (at: string) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const d of docs) {
      const r = rows.find((x) => idOf(x) === d.service_request_id)!;
      expect(d.requested_datetime).toBe(`${r.receivedOn}T00:00:00+08:00`);
      if (r.answeredOn && r.status !== "under_review") {
        const last = lastPublic.find((l) => l.id === r.id)!.at!;
        expect(beijingDay(last) >= r.answeredOn).toBe(true);
        expect(d.updated_datetime).toBe(`${beijingDay(last)}T00:00:00+08:00`);
        expect(d.updated_datetime).not.toBe(d.requested_datetime);
        expect(d.expected_datetime).toBe(`${r.answerDue}T23:59:59+08:00`);
      }
      if (r.status === "under_review") expect(d.status).toBe("open");
    }
  });

  it("refuses invalid values with 400 and the spec's [{code, description}]", async () => {
    for (const query of [
      "status=pending",
      "service_code=potholes",
      "start_date=2026-09-01",
      "start_date=yesterday",
      "end_date=2026-09-01T00:00:00",
      "service_request_id=TS2026-00001",
      "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
      "start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z",
    ]) {
      const res = await get(`/v2/requests.json?${query}`);
      expect(res.status, query).toBe(400);
      const body = Open311Errors.parse(await res.json());
      expect(body[0]!.code, query).toBe(400);
      expect(body[0]!.description.length, query).toBeGreaterThan(5);
    }
  });

  it("accepts this portal's jurisdiction_id and refuses another with 404", async () => {
    expect((await get("/v2/requests.json?jurisdiction_id=localhost")).status).toBe(200);
    expect((await get("/v2/services.json?jurisdiction_id=localhost")).status).toBe(200);
    const wrong = await get("/v2/services.json?jurisdiction_id=sfgov.org");
    expect(wrong.status).toBe(404);
    expect(Open311Errors.parse(await wrong.json())[0]!.description).toContain("jurisdiction_id");
  });

  it("serves services, a service's definition and discovery in the spec's shapes, and 404 for an unknown code", async () => {
    const servicesRes = await get("/v2/services.json");
    expect(servicesRes.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const services = Open311ServiceList.parse(await servicesRes.json());
    expect(services).toHaveLength(12);
    const definition = Open311ServiceDefinition.parse(await (await get("/v2/services/fees.json")).json());
    expect(definition).toEqual({ service_code: "fees", attributes: [] });
    const unknown = await get("/v2/services/potholes.json");
    expect(unknown.status).toBe(404);
    Open311Errors.parse(await unknown.json());
    const discovery = Open311Discovery.parse(await (await get("/discovery.json")).json());
    expect(discovery.endpoints[0]).toMatchObject({ specification: "http://wiki.open311.org/GeoReport_v2", url: "http://localhost/api/open311/v2", type: "production" });
    expect((await get("/v2/nothing.json")).status).toBe(404);
  });

  it("answers in XML too: declaration, no namespace, the spec's element names, text escaped", async () => {
    for (const [path, root, item] of [
      ["/v2/requests.xml", "service_requests", "request"],
      ["/v2/services.xml", "services", "service"],
      ["/discovery.xml", "discovery", "endpoint"],
      ["/v2/services/fees.xml", "service_definition", "service_code"],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type"), path).toBe("text/xml; charset=utf-8");
      const xml = await res.text();
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), path).toBe(true);
      expect(xml, path).toContain(`<${root}>`);
      expect(xml, path).toContain(`<${item}>`);
      expect(xml, path).not.toContain("xmlns");
    }
    const requestsXml = await (await get("/v2/requests.xml")).text();
    expect(requestsXml.match(/<request>/g)).toHaveLength((await list()).length);
    const bad = await get("/v2/requests.xml?status=pending");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/<errors><error><code>400<\/code><description>[^<]+<\/description><\/error><\/errors>/);
  });

  it("allows GET from any origin (CORS), preflight included", async () => {
    const res = await get("/v2/requests.json", { headers: { Origin: "https://civic.example" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const pre = await get("/v2/requests.json", { method: "OPTIONS", headers: { Origin: "https://civic.example", "Access-Control-Request-Method": "GET" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Methods")).toContain("GET");
  });

  it("caps a window at 1,000 requests", async () => {
    const template = rows.find(listed)!;
    await tempDb().db.transaction(async (tx) => {
      for (let i = 0; i < 1005; i++) {
        await tx.insert(complaints).values({ ...template, id: crypto.randomUUID(), reference: `TS2026-9${String(i).padStart(4, "0")}`, receivedOn: "2026-12-01", receivedAt: "2026-12-01T02:00:00.000Z" });
      }
    });
    expect(await list()).toHaveLength(1000);
  });
});
