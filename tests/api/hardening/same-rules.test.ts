// Issue 15 item 3: the same rules on every public write: a rate limit on each (drafts
// included), the honeypot whatever the part type, one Idempotency-Key rule, strict checkboxes.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications, complaints } from "../../../db/schema";
import { HONEYPOT_MESSAGE } from "../../../functions/middleware/honeypot";
import { IDEMPOTENCY_KEY_MESSAGE } from "../../../functions/services/idempotency/internal/with-idempotency";
import { CHECKBOX_MESSAGE } from "../../../src/domain/complaint/schemas";
import { validApplication } from "../../fixtures/enrolment";
import { VALID_COMPLAINT, postJson } from "../../fixtures/complaints";
import { useTempDb } from "../../fixtures/temp-db";
import { TEST_CLIENT_HEADER } from "../../fixtures/test-app";
import { enrolmentApp, submit, submitRequest } from "../enrolment/enrolment-app";
import { PUBLIC_POSTS, rawPost, rowCounts } from "./public-posts";

const FORM = "application/x-www-form-urlencoded";

describe("the same rules on every public write", () => {
  const tempDb = useTempDb();

  it("lists every POST a visitor can reach (the fuzz test walks this list)", () => {
    const { app } = enrolmentApp(tempDb());
    const reachable = [...new Set(app.routes.filter((r) => r.method === "POST").map((r) => r.path))].filter(
      (p) => !p.startsWith("/api/staff/") || p === "/api/staff/auth/sign-in",
    );
    // A route pattern such as `/track/:action{information|rate|review}` is covered by each of its values.
    const covered = (pattern: string) => {
      const re = new RegExp(`^${pattern.replace(/:\w+\{([^}]+)\}/g, "($1)").replace(/:\w+/g, "[^/]+")}$`);
      return PUBLIC_POSTS.some((p) => re.test(p));
    };
    expect(reachable.filter((p) => !covered(p))).toEqual([]);
  });

  it("rate limits each public POST per client, drafts included: 429 with Retry-After and a Chinese message", async () => {
    const { app } = enrolmentApp(tempDb());
    for (const [i, path] of PUBLIC_POSTS.entries()) {
      let limited: Response | undefined;
      for (let n = 0; n < 40 && !limited; n++) {
        const res = await rawPost(app, path, "x=1", FORM, { [TEST_CLIENT_HEADER]: `203.0.113.${i}` });
        if (res.status === 429) limited = res;
      }
      expect(limited?.status, path).toBe(429);
      expect(limited!.headers.get("Retry-After"), path).toMatch(/^\d+$/);
      expect((await limited!.json()).message, path).toMatch(/操作太频繁/);
    }
  });

  it("stores at most the draft limit of drafts from one client (25 posts used to store 25 rows)", async () => {
    const { app } = enrolmentApp(tempDb());
    const statuses: number[] = [];
    for (let n = 0; n < 25; n++) {
      const res = await app.request("/api/enrol/draft", {
        method: "POST",
        headers: { "Content-Type": FORM, "Sec-Fetch-Site": "same-origin", Accept: "application/json" },
        body: new URLSearchParams(formPairsOf(validApplication(n + 1))).toString(),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(await tempDb().db.select({ id: applications.id }).from(applications).where(eq(applications.state, "draft"))).toHaveLength(20);
  });

  it("refuses a honeypot sent as a file part, on complaints, drafts and applications, storing nothing", async () => {
    const { app } = enrolmentApp(tempDb());
    const before = await rowCounts(tempDb().db);
    const trap = () => new File([new Uint8Array([1, 2, 3])], "x.bin", { type: "application/octet-stream" });

    const complaint = new FormData();
    for (const [k, v] of Object.entries(VALID_COMPLAINT)) complaint.append(k, v);
    complaint.append("website", trap());
    const c = await app.request("/api/complaints", { method: "POST", body: complaint, headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" } });
    expect(c.status).toBe(422);
    expect((await c.json()).message).toBe(HONEYPOT_MESSAGE);

    const application = submitRequest(validApplication());
    application.body.append("website", trap());
    const a = await app.request("/api/enrol/applications", application);
    expect(a.status).toBe(422);
    expect((await a.json()).message).toBe(HONEYPOT_MESSAGE);

    const draft = new FormData();
    for (const [k, v] of formPairsOf(validApplication())) draft.append(k, v);
    draft.append("website", trap());
    const d = await app.request("/api/enrol/draft", { method: "POST", body: draft, headers: { Accept: "application/json", "Sec-Fetch-Site": "same-origin" } });
    expect(d.status).toBe(422);
    expect((await d.json()).message).toBe(HONEYPOT_MESSAGE);

    expect(await rowCounts(tempDb().db)).toEqual(before);
  });

  it("applies one Idempotency-Key rule on complaints and applications: a 300-character key is refused by both with the same message", async () => {
    const { app } = enrolmentApp(tempDb());
    const long = "k".repeat(300);
    const c = await postJson(app, "/api/complaints", VALID_COMPLAINT, { "Idempotency-Key": long });
    const a = await submit(app, validApplication(), { key: long });
    for (const res of [c, a]) {
      expect(res.status).toBe(422);
      expect((await res.json()).message).toBe(IDEMPOTENCY_KEY_MESSAGE);
    }
    for (const bad of ["short", "has a space in it", "clé-de-reprise"]) {
      const res = await postJson(app, "/api/complaints", VALID_COMPLAINT, { "Idempotency-Key": bad, [TEST_CLIENT_HEADER]: "198.51.100.77" });
      expect(res.status, bad).toBe(422);
    }
    expect(await tempDb().db.select().from(complaints)).toHaveLength(0);
    expect(await tempDb().db.select().from(applications)).toHaveLength(0);
    // A good key still works on both.
    expect((await postJson(app, "/api/complaints", VALID_COMPLAINT, { "Idempotency-Key": "k".repeat(128) })).status).toBe(201);
  });

  it("refuses a checkbox that is not the checkbox's value, as a field error (it used to read as unticked)", async () => {
    const { app } = enrolmentApp(tempDb());
    let n = 0;
    for (const value of ["yes", "false", 0, 5, {}, ["on"], null]) {
      const res = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, publishConsent: value }, { [TEST_CLIENT_HEADER]: `198.51.100.${n++}` });
      expect(res.status, JSON.stringify(value)).toBe(422);
      const body = await res.json();
      expect(body.fields, JSON.stringify(value)).toContainEqual({ path: "publishConsent", message: CHECKBOX_MESSAGE });
    }
    expect(await tempDb().db.select().from(complaints)).toHaveLength(0);
    const ticked = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, publishConsent: "on" }, { [TEST_CLIENT_HEADER]: "198.51.100.200" });
    expect(ticked.status).toBe(201);
  });
});

/** An application as the no-JS form's `name=value` pairs (the consents are the check page's, left out). */
function formPairsOf(application: ReturnType<typeof validApplication>): [string, string][] {
  const { consents: _consents, ...draft } = application;
  const pairs: [string, string][] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    else pairs.push([prefix, String(value)]);
  };
  walk(draft, "");
  return pairs;
}
