import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { publicOperations } from "../../../functions/openapi/operations";
import { TrackInput, SubmitComplaintFields } from "../../../src/domain/complaint/schemas";
import { Open311RequestList } from "../../../src/domain/complaint/open311";
import { tempDir, useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";

const run = promisify(execFile);
type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
const noDialect = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _d, ...rest } = z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

describe("the OpenAPI 3.1 description of the public API", () => {
  const tempDb = useTempDb();

  async function documentOf() {
    const { app } = buildTestApp(tempDb());
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    return { app, doc: (await res.json()) as Doc };
  }

  it("passes redocly lint with no error and no warning", { timeout: 90_000 }, async () => {
    const { doc } = await documentOf();
    expect(doc.openapi).toBe("3.1.0");
    const file = path.join(tempDir("openapi-"), "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    const { stdout } = await run(path.resolve("node_modules/.bin/redocly"), ["lint", file, "--format=json"], { env }).catch((e: { stdout: string }) => e);
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("describes every public route of the Hono app, and nothing the app does not serve", async () => {
    const { app, doc } = await documentOf();
    const served = new Set(
      app.routes
        .filter((r) => r.method !== "ALL" && !r.path.startsWith("/api/staff") && !r.path.endsWith("*"))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(served.size).toBeGreaterThan(20);
    const operations = publicOperations(await buildTestApp(tempDb()).deps.catalogue.current());
    const described = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.hono}`));
    expect([...served].filter((r) => !described.has(r))).toEqual([]);
    expect([...described].filter((r) => !served.has(r))).toEqual([]);
    for (const op of operations) expect(doc.paths[op.path]?.[op.method]?.operationId, `${op.method} ${op.path}`).toBe(op.operationId);
    // Staff endpoints stay out of the public description.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/staff"))).toEqual([]);
  });

  it("takes its schemas from the very zod schemas the routes validate with", async () => {
    const { doc } = await documentOf();
    expect(doc.paths["/complaints/track"]!.post!.requestBody!.content["application/json"]!.schema).toEqual(noDialect(TrackInput, "input"));
    expect(doc.paths["/complaints"]!.post!.requestBody!.content["multipart/form-data"]!.schema).toEqual(noDialect(SubmitComplaintFields, "input"));
    expect(doc.paths["/open311/v2/requests.json"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual(noDialect(Open311RequestList, "output"));
  });

  it("has a reference page listing every operation, with no script", async () => {
    const { app, doc } = await documentOf();
    const res = await app.request("/api/openapi.html");
    expect(res.status).toBe(200);
    const page = await res.text();
    const main = page.slice(page.indexOf("<main"), page.indexOf("</main>"));
    expect(main).not.toContain("<script");
    for (const [p, item] of Object.entries(doc.paths)) for (const method of Object.keys(item)) expect(main).toContain(`<td><code>${method.toUpperCase()}</code></td><th scope="row"><code>/api${p}</code></th>`);
  });
});
