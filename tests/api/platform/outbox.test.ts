/**
 * The outbox on a real libSQL file: messages queued in a transaction (and gone with it on
 * rollback), recipients sealed at rest, delivery through the transport with retries, and the
 * staff listing with masked recipients behind `outbox.read`.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog, outboxMessages } from "../../../db/schema";
import type { Mailer } from "../../../functions/deps";
import { contextOf } from "../../../functions/services/context";
import { deliverOutbox, MAX_ATTEMPTS, OUTBOX_LEASE_SECONDS } from "../../../functions/services/outbox/deliver-outbox";
import { enqueueMessage, recipientContext, sealRecipient, type OutboxMessageInput } from "../../../functions/services/outbox/internal/enqueue-message";
import { openField } from "../../../functions/platform/field-crypto";
import { startOutboxTimer } from "../../../functions/platform/outbox-timer";
import type { LogMailer } from "../../../functions/platform/log-mailer";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";
import { createLogMailer } from "../../../functions/platform/log-mailer";
import { recordingLogger } from "../../fixtures/test-app";

const message: OutboxMessageInput = {
  channel: "sms",
  to: "13812345678",
  subject: "申请已受理",
  body: "您的入学申请 RX2026-00001 已受理。",
  about: { kind: "application", id: "app-1" },
};

describe("the outbox", () => {
  const tempDb = useTempDb();
  const setup = (overrides = {}) => {
    const env = buildStaffApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z"), ...overrides });
    const ctx = contextOf({ var: { deps: env.deps, requestId: "req-1" } });
    return { ...env, ctx };
  };

  it("takes a recipient sealed before the transaction, and seals anew when it was sealed for another address", async () => {
    const { ctx } = setup();
    const sealed = await sealRecipient(ctx, message.to);
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message, sealed));
    const wrong = await sealRecipient(ctx, "13900000000");
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: "c-2" } }, wrong));
    const rows = await ctx.db.select().from(outboxMessages).all();
    const first = rows.find((r) => r.aboutId === "app-1")!;
    const second = rows.find((r) => r.aboutId === "c-2")!;
    expect(first.id).toBe(sealed.id);
    expect(first.recipientSealed).toBe(sealed.recipientSealed);
    expect(second.id).not.toBe(wrong.id);
    for (const row of [first, second]) expect(await openField(ctx.keys, recipientContext(row.id), row.recipientSealed)).toBe(message.to);
  });

  it("queues in the caller's transaction with the recipient sealed, and a rollback queues nothing", async () => {
    const { ctx } = setup();
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: "c-1" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    const rows = await ctx.db.select().from(outboxMessages).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("pending");
    expect(rows[0]!.recipientMasked).toBe("138****5678");
    expect(rows[0]!.recipientSealed).toMatch(/^k1\./);
    const raw = await tempDb().client.execute("select * from outbox_messages");
    expect(JSON.stringify(raw.rows)).not.toContain("13812345678");
  });

  it("delivers pending messages once through the transport and marks them sent", async () => {
    const { ctx, deps } = setup();
    await ctx.db.transaction(async (tx) => {
      await enqueueMessage(tx, ctx, message);
      await enqueueMessage(tx, ctx, { ...message, channel: "email", to: "wang@example.cn" });
    });
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 2, failed: 0 });
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 0, failed: 0 });
    const sent = (deps.mailer as LogMailer).sent;
    expect(sent.map((m) => m.to).sort()).toEqual(["13812345678", "wang@example.cn"]);
    const rows = await ctx.db.select().from(outboxMessages).all();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.sentAt === "2026-09-01T08:00:00.000Z")).toBe(true);
  });

  it("retries a failing transport and gives up after the last attempt, logging no personal data", async () => {
    let calls = 0;
    const failing: Mailer = {
      transport: "test",
      async send() {
        calls++;
        throw new TypeError("provider down");
      },
    };
    const { ctx, deps, log } = setup({ mailer: failing });
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 0, failed: 0 });
      const row = (await ctx.db.select().from(outboxMessages).get())!;
      expect([row.status, row.attempts, row.lastError]).toEqual(["pending", i, "TypeError"]);
    }
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 0, failed: 1 });
    expect((await ctx.db.select().from(outboxMessages).get())!.status).toBe("failed");
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 0, failed: 0 });
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(JSON.stringify(log.lines)).not.toContain("13812345678");
  });

  it("lists messages with masked recipients to roles holding outbox.read, says the log transport sends nothing, and audits the read", async () => {
    const { app, ctx, deps } = setup();
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    const supervisor = await insertUser(ctx.db, { role: "enrolment_supervisor" });
    const officer = await insertUser(ctx.db, { role: "enrolment_officer" });
    const res = await get(app, "/api/staff/outbox", await signInFully(app, supervisor, deps.clock.now()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { developmentTransport: boolean; messages: { recipient: string; status: string; subject: string }[] };
    expect(body.developmentTransport).toBe(true);
    expect(body.messages).toEqual([expect.objectContaining({ recipient: "138****5678", status: "pending", subject: "申请已受理" })]);
    expect(JSON.stringify(body)).not.toContain("13812345678");
    expect(JSON.stringify(body)).not.toContain("k1.");
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "outbox.read")).all()).toHaveLength(1);
    expect((await get(app, "/api/staff/outbox", await signInFully(app, officer, deps.clock.now()))).status).toBe(403);
  });

  it("is delivered by the Node server's timer, and stopping waits for the run in progress", async () => {
    const { ctx, deps } = setup();
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const timer = startOutboxTimer(deps, 15);
      vi.advanceTimersByTime(15_000);
      await timer.stop();
    } finally {
      vi.useRealTimers();
    }
    expect((await ctx.db.select().from(outboxMessages).get())!.status).toBe("sent");
    expect((deps.mailer as LogMailer).sent).toHaveLength(1);
  });

  it("passes the message id to the provider as its dedupe id, and the log mailer delivers a dedupe id once", async () => {
    const { ctx, deps } = setup();
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    await deliverOutbox({ ctx: deps, input: {} });
    const row = (await ctx.db.select().from(outboxMessages).get())!;
    const mailer = deps.mailer as LogMailer;
    expect(mailer.sent.map((m) => m.dedupeId)).toEqual([row.id]);
    const log = recordingLogger();
    const fresh = createLogMailer(log);
    const m = { to: "13812345678", channel: "sms" as const, subject: "s", body: "b", dedupeId: "d-1" };
    await fresh.send(m);
    await fresh.send(m);
    expect(fresh.sent).toHaveLength(1);
    expect(log.lines.map((l) => l.event)).toEqual(["message.sent", "message.duplicate"]);
  });

  it("two deliverers at once send each message once (the claim is a conditional update)", async () => {
    const { ctx, deps } = setup();
    await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: `c-${i}` } });
    });
    const results = await Promise.all([deliverOutbox({ ctx: deps, input: {} }), deliverOutbox({ ctx: deps, input: {} })]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect((deps.mailer as LogMailer).sent).toHaveLength(5);
  });

  it("reclaims a claim whose lease ran out (and one left from before leases), and gives up when every attempt crashed", async () => {
    const { ctx, deps } = setup();
    await ctx.db.transaction(async (tx) => {
      await enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: "leased" } });
      await enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: "legacy" } });
      await enqueueMessage(tx, ctx, { ...message, about: { kind: "complaint", id: "exhausted" } });
    });
    const until = "2026-09-01T08:01:00.000Z";
    await ctx.db.update(outboxMessages).set({ status: "sending", attempts: 1, claimToken: "dead", claimedUntil: until }).where(eq(outboxMessages.aboutId, "leased"));
    await ctx.db.update(outboxMessages).set({ status: "sending", attempts: 1 }).where(eq(outboxMessages.aboutId, "legacy"));
    await ctx.db.update(outboxMessages).set({ status: "sending", attempts: MAX_ATTEMPTS, claimToken: "dead", claimedUntil: until }).where(eq(outboxMessages.aboutId, "exhausted"));
    const clock = fixedClock("2026-09-01T08:00:59.999Z");
    expect(await deliverOutbox({ ctx: { ...deps, clock }, input: {} })).toEqual({ sent: 1, failed: 0 });
    clock.set(until);
    expect(await deliverOutbox({ ctx: { ...deps, clock }, input: {} })).toEqual({ sent: 1, failed: 1 });
    const rows = await ctx.db.select().from(outboxMessages).all();
    const by = (id: string) => rows.find((r) => r.aboutId === id)!;
    expect([by("legacy").status, by("leased").status, by("leased").attempts]).toEqual(["sent", "sent", 2]);
    expect([by("exhausted").status, by("exhausted").lastError]).toEqual(["failed", "LeaseExpired"]);
    expect(OUTBOX_LEASE_SECONDS).toBeGreaterThanOrEqual(60);
  });

  it("lets staff holding outbox.resend queue a failed message again, keeping its dedupe id, audited; other statuses and roles refused", async () => {
    let fail = true;
    const seen: string[] = [];
    const flaky: Mailer = {
      transport: "test",
      async send(m) {
        if (fail) throw new TypeError("provider down");
        seen.push(m.dedupeId);
      },
    };
    const { app, ctx, deps } = setup({ mailer: flaky });
    await ctx.db.transaction((tx) => enqueueMessage(tx, ctx, message));
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverOutbox({ ctx: deps, input: {} });
    const row = (await ctx.db.select().from(outboxMessages).get())!;
    expect(row.status).toBe("failed");
    const supervisor = await insertUser(ctx.db, { role: "enrolment_supervisor" });
    const auditor = await insertUser(ctx.db, { role: "auditor" });
    const post = (path: string, cookie: string) => app.request(path, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" } });
    const supervisorCookie = await signInFully(app, supervisor, deps.clock.now());
    expect((await post(`/api/staff/outbox/${row.id}/resend`, await signInFully(app, auditor, deps.clock.now()))).status).toBe(403);
    const res = await post(`/api/staff/outbox/${row.id}/resend`, supervisorCookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: row.id, status: "pending" });
    // A second press: the message is no longer failed.
    expect((await post(`/api/staff/outbox/${row.id}/resend`, supervisorCookie)).status).toBe(409);
    expect((await post(`/api/staff/outbox/${crypto.randomUUID()}/resend`, supervisorCookie)).status).toBe(404);
    expect((await post(`/api/staff/outbox/not-a-uuid/resend`, supervisorCookie)).status).toBe(422);
    fail = false;
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 1, failed: 0 });
    expect(seen).toEqual([row.id]);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "outbox.resend")).all();
    expect(audit.map((a) => [a.objectId, a.actorId, a.outcome])).toEqual([[row.id, supervisor.id, "success"]]);
  });
});
