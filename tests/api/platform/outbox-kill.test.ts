/**
 * The outbox survives a crash between claim and sent: a real child process delivering from a
 * real libSQL file is killed with SIGKILL while it holds a claim (before the provider accepted
 * the message, or after it did and before the row was marked sent). A run right after the
 * kill leaves the claimed message alone (its lease still holds) and sends the rest; a run after
 * the lease reclaims it and sends it. Nothing is lost, and the provider sees the same dedupe id
 * for the one message it may see twice.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../../db/schema";
import { parseConfig } from "../../../functions/config";
import type { Mailer } from "../../../functions/deps";
import { contextOf } from "../../../functions/services/context";
import { deliverOutbox, OUTBOX_LEASE_SECONDS } from "../../../functions/services/outbox/deliver-outbox";
import { enqueueMessage } from "../../../functions/services/outbox/internal/enqueue-message";
import { runUntilThenKill } from "../../fixtures/kill-child";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock, testSecrets } from "../../fixtures/test-app";

type Seen = { dedupeId: string; to: string; pid: number };

describe("outbox delivery killed between claim and sent", () => {
  const tempDb = useTempDb();

  async function crashAndRecover(pause: "before-send" | "after-send") {
    const secrets = testSecrets();
    const config = parseConfig({ APP_ENV: "test", ...secrets });
    const { deps } = buildTestApp(tempDb(), { config, clock: fixedClock(new Date().toISOString()) });
    const ctx = contextOf({ var: { deps, requestId: "req-kill" } });
    for (const to of ["13800000001", "13800000002", "13800000003"]) {
      await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, { channel: "sms", to, subject: "通知", body: "您的申请已受理。", about: { kind: "application", id: to } }));
    }
    const providerLog = path.join(tempDb().dir, "provider.jsonl");
    const { found: crashedId, output, pid } = await runUntilThenKill(
      "tests/fixtures/outbox-deliver-child.ts",
      { ...secrets, APP_ENV: "test", LIBSQL_URL: tempDb().url, PROVIDER_LOG: providerLog, OUTBOX_PAUSE: pause, OUTBOX_PAUSE_AT: "2" },
      /paused (\S+)/,
    );
    expect(crashedId, output).toBeTruthy();

    const rowOf = async (id: string) => (await ctx.db.select().from(outboxMessages).all()).find((r) => r.id === id)!;
    const held = await rowOf(crashedId!);
    expect(held.status).toBe("sending");
    expect(held.claimToken).toBeTruthy();

    // The "provider" as the recovering process sees it: the same log file.
    const provider: Mailer = {
      transport: "test-provider",
      async send(m) {
        appendFileSync(providerLog, JSON.stringify({ dedupeId: m.dedupeId, to: m.to, pid: process.pid }) + "\n");
      },
    };
    const now = Date.now();
    // Right after the crash the lease still holds: the claimed message is not sent again yet, the untouched one is.
    expect(await deliverOutbox({ ctx: { ...deps, mailer: provider, clock: fixedClock(new Date(now).toISOString()) }, input: {} })).toEqual({ sent: 1, failed: 0 });
    expect((await rowOf(crashedId!)).status).toBe("sending");
    // Once the lease has run out, the next run reclaims it and sends it.
    const later = fixedClock(new Date(now + (OUTBOX_LEASE_SECONDS + 1) * 1000).toISOString());
    expect(await deliverOutbox({ ctx: { ...deps, mailer: provider, clock: later }, input: {} })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverOutbox({ ctx: { ...deps, mailer: provider, clock: later }, input: {} })).toEqual({ sent: 0, failed: 0 });

    const rows = await ctx.db.select().from(outboxMessages).all();
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(rows.every((r) => r.claimToken === null && r.claimedUntil === null)).toBe(true);
    expect((await rowOf(crashedId!)).attempts).toBe(2);
    const seen: Seen[] = existsSync(providerLog) ? readFileSync(providerLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Seen) : [];
    // Every message reached the provider, each under its own id as the dedupe id.
    expect(new Set(seen.map((s) => s.dedupeId))).toEqual(new Set(rows.map((r) => r.id)));
    for (const s of seen) expect(rows.find((r) => r.id === s.dedupeId)!.aboutId).toBe(s.to);
    return { seen, crashedId: crashedId!, childPid: pid };
  }

  it("killed after the claim and before the provider accepted: the message is sent once, after the lease", async () => {
    const { seen, crashedId, childPid } = await crashAndRecover("before-send");
    expect(seen).toHaveLength(3);
    expect(seen.filter((s) => s.dedupeId === crashedId).map((s) => s.pid)).toEqual([process.pid]);
    expect(seen.filter((s) => s.pid === childPid)).toHaveLength(1);
  }, 60_000);

  it("killed after the provider accepted and before the mark: the resend carries the same dedupe id", async () => {
    const { seen, crashedId, childPid } = await crashAndRecover("after-send");
    expect(seen).toHaveLength(4);
    const twice = seen.filter((s) => s.dedupeId === crashedId);
    expect(twice.map((s) => s.pid)).toEqual([childPid, process.pid]);
    // Only the crashed message was seen twice.
    expect(seen.filter((s) => s.dedupeId !== crashedId).map((s) => s.dedupeId).sort()).toEqual([...new Set(seen.filter((s) => s.dedupeId !== crashedId).map((s) => s.dedupeId))].sort());
  }, 60_000);
});
