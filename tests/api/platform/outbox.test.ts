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
import { deliverOutbox, MAX_ATTEMPTS } from "../../../functions/services/outbox/deliver-outbox";
import { enqueueMessage, recipientContext, sealRecipient, type OutboxMessageInput } from "../../../functions/services/outbox/internal/enqueue-message";
import { openField } from "../../../functions/platform/field-crypto";
import { startOutboxTimer } from "../../../functions/platform/outbox-timer";
import type { LogMailer } from "../../../functions/platform/log-mailer";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, signInFully } from "../../fixtures/staff";

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
});
