// Issue 15 item 1, done-when: generated malformed bodies sent to EACH public POST get a 4xx,
// never a 5xx; no row is added to any table; and /api/health keeps answering within a bound
// while they run. FUZZ_RUNS bodies per endpoint (1,000 on CI, 150 by default locally), on the
// in-process app for speed; the stall case is then checked once through the real Node server.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer, type RunningServer } from "../../../functions/node-server";
import { createTempDb, tempDir, type TempDb } from "../../fixtures/temp-db";
import { recordingLogger, TEST_CLIENT_HEADER } from "../../fixtures/test-app";
import { enrolmentApp } from "../enrolment/enrolment-app";
import { malformedRequest } from "./fuzz-arbitraries";
import { NOT_REFUSED_LOOKUP, PUBLIC_POSTS, rowCounts } from "./public-posts";

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 1000 : 150));
/** How long /api/health may take to answer while the fuzz runs. */
const HEALTH_BOUND_MS = 1500;

/** Rows of the tables a write adds to, in one query (each request is checked on its own, so a counterexample is exact). */
async function storedRows({ db }: TempDb): Promise<number> {
  const tables = ["complaints", "applications", "audit_log", "idempotency_keys", "staff_login_failures", "outbox_messages", "complaint_attachments", "application_documents"];
  const rows = await db.all<{ n: number }>(sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}${t === "audit_log" ? ` WHERE ${NOT_REFUSED_LOOKUP}` : ""})`).join(" + ")} AS n`));
  return Number(rows[0]!.n);
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe(`fuzzing every public POST with ${RUNS} malformed bodies each`, () => {
  let tempDb: TempDb;
  let app: ReturnType<typeof enrolmentApp>["app"];
  let client = 0;
  const figures: string[] = [];

  beforeAll(async () => {
    tempDb = await createTempDb();
    app = enrolmentApp(tempDb).app;
    expect((await app.request("/api/health")).status).toBe(200);
  });
  afterAll(() => {
    tempDb.cleanup();
    console.info(`fuzz figures (FUZZ_RUNS=${RUNS}):\n${figures.join("\n")}`);
  });

  it.each(PUBLIC_POSTS)("%s: 4xx for every body, nothing stored, health answering", async (path) => {
    const before = await rowCounts(tempDb.db);
    const total = sum(before);
    // Health is polled beside the run; a synchronous stall in the app would hold it too.
    let done = false;
    let slowest = 0;
    const healthStatuses = new Set<number>();
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        healthStatuses.add((await app.request("/api/health")).status);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const started = performance.now();
    try {
      await fc.assert(
        fc.asyncProperty(malformedRequest(path), async (req) => {
          const rowsBefore = await storedRows(tempDb);
          const res = await app.request(`http://localhost${path}`, {
            method: "POST",
            headers: {
              Accept: "application/json",
              "Sec-Fetch-Site": "same-origin",
              // A new client each time: the rate limit must not be what answers.
              [TEST_CLIENT_HEADER]: `10.${(++client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
              "Idempotency-Key": `fuzz-${client}-key`,
              ...(req.type === null ? {} : { "Content-Type": req.type }),
            },
            body: req.body as BodyInit | null,
          });
          const text = await res.text();
          expect(res.status, `${req.label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${req.label}: ${text.slice(0, 200)}`).toBeLessThan(500);
          expect(text, req.label).toMatch(/[\u4e00-\u9fff]/);
          expect(await storedRows(tempDb), `${req.label} stored a row`).toBe(rowsBefore);
        }),
        { numRuns: RUNS },
      );
    } finally {
      done = true;
      await poller;
    }
    const seconds = (performance.now() - started) / 1000;
    figures.push(`${path}: ${RUNS} bodies in ${seconds.toFixed(1)} s, slowest health ${slowest.toFixed(0)} ms`);
    expect(await rowCounts(tempDb.db)).toEqual(before);
    expect(sum(await rowCounts(tempDb.db))).toBe(total);
    expect([...healthStatuses]).toEqual([200]);
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
  }, 240_000);
});

describe("the stall case through the real Node server", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    const env = { PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: `file:${dir}/local.db`, STATIC_DIR: dir, UPLOAD_DIR: `${dir}/uploads`, DEV_SECRETS_FILE: `${dir}/dev-secrets.json` };
    server = await startNodeServer(env, recordingLogger());
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("answers a huge array index, a broken multipart body and 2,000 fields at once, with health answering beside them", async () => {
    const post = (body: string, type: string) =>
      fetch(`${server.url}/api/enrol/draft`, { method: "POST", headers: { "Content-Type": type, "Sec-Fetch-Site": "same-origin", Accept: "application/json" }, body });
    const started = performance.now();
    const [stall, multipart, many, health] = await Promise.all([
      post("grade=1&preferences.0=x&preferences.100000000=y", "application/x-www-form-urlencoded"),
      post('--B\nContent-Disposition: form-data; name="grade"\n\n1\n', "multipart/form-data; boundary=B"),
      post(Array.from({ length: 2000 }, (_, i) => `f${i}=x`).join("&"), "application/x-www-form-urlencoded"),
      fetch(`${server.url}/api/health`),
    ]);
    expect(performance.now() - started).toBeLessThan(1500);
    for (const res of [stall, multipart, many]) {
      expect(res.status).toBe(422);
      expect((await res.json()).message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(health.status).toBe(200);
  });
});
