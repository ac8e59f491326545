/**
 * wrangler.toml against the code that relies on it: the Cron Triggers are exactly the
 * schedules `scheduled()` knows (a cron string that matched neither would run nothing, every
 * minute, silently), and the CPU limit the password hash needs is set (README, "The plan").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTBOX_CRON, PURGE_CRON } from "../../../functions/worker-scheduled";

const toml = readFileSync("wrangler.toml", "utf8");

describe("wrangler.toml", () => {
  it("declares the outbox and purge Cron Triggers that scheduled() runs, and no other", () => {
    const crons = /^\[triggers\][^[]*?crons\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1];
    expect(crons).toBeDefined();
    const listed = [...crons!.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([OUTBOX_CRON, PURGE_CRON].sort());
  });

  it("sets a CPU limit that leaves room for two argon2id hashes (a password change), which the Free plan's 10 ms cannot", () => {
    const cpu = Number(/^\[limits\][^[]*?cpu_ms\s*=\s*(\d+)/m.exec(toml)?.[1]);
    expect(cpu).toBeGreaterThanOrEqual(1000);
    expect(cpu).toBeLessThanOrEqual(300_000);
  });
});
