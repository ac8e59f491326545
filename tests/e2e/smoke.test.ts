/**
 * `npm run smoke` against the local Node entry on the built site (the e2e global setup's
 * server): every check passes, the OpenAPI document is reported as missing rather than
 * failing while this build has none, and an unreachable host or a bad argument is a failed
 * check or a usage line, never a crash. Read-only: the smoke check sends GET requests only.
 */
import { describe, expect, it } from "vitest";
import { runSmoke } from "../../functions/cli/smoke-command";
import { closedPort } from "../../support/ports";
import { baseUrl } from "./page";

describe("npm run smoke", () => {
  it("passes against the local Node server", async () => {
    const { code, lines } = await runSmoke([baseUrl]);
    expect(lines.filter((l) => l.includes("✗")), lines.join("\n")).toEqual([]);
    expect(code).toBe(0);
    expect(lines).toContain("  ✓ health");
    expect(lines).toContain("  ✓ page /");
    expect(lines).toContain("  ✓ Open311 services.json");
    expect(lines.some((l) => /OpenAPI document/.test(l))).toBe(true);
  });

  it("fails, without crashing, against a host that does not answer", async () => {
    const { code, lines } = await runSmoke([`http://127.0.0.1:${await closedPort()}`], { timeoutMs: 2000 });
    expect(code).toBe(1);
    expect(lines.find((l) => l.includes("health"))).toMatch(/✗ health: unreachable/);
  });

  it("answers a usage line for a missing or malformed origin", async () => {
    expect(await runSmoke([])).toEqual({ code: 2, lines: [expect.stringMatching(/^Usage: npm run smoke/)] });
    expect((await runSmoke(["ftp://x"])).code).toBe(2);
  });
});
