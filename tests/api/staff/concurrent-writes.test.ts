// Staff requests while other write transactions are open, on the same queued libSQL file
// client as the Node entry (tests/fixtures/temp-db). The open transactions await WebCrypto and
// a timer between their statements, as services that seal data inside a transaction do, so
// they hold the write lock across I/O: without the queue the requests' own writes would meet
// SQLITE_BUSY and be answered 503.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, staffSessions, staffUsers } from "../../../db/schema";
import { openSecret, sealSecret } from "../../../functions/auth/secret-box";
import { writeAudit } from "../../../functions/services/audit/internal/write-audit";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, insertUser, post, sessionCookieOf, TEST_AUTH_SECRET, TEST_PASSWORD, totpCode, type TestUser } from "../../fixtures/staff";

const USERS = 6;
const RESEALS = 12;

describe("staff writes overlapping other transactions", () => {
  const tempDb = useTempDb();

  it("answers every sign-in step without 503 while transactions holding the write lock across I/O run beside them", async () => {
    const clock = fixedClock();
    const { app, log } = buildStaffApp(tempDb(), { clock });
    const { db } = tempDb();
    const users: TestUser[] = [];
    for (let i = 0; i < USERS; i++) users.push(await insertUser(db, { role: "admin" }));

    // Re-seal each account's TOTP secret in its own transaction, awaiting WebCrypto mid-way.
    const reseal = (user: TestUser, round: number) =>
      db.transaction(async (tx) => {
        const row = await tx.select().from(staffUsers).where(eq(staffUsers.id, user.id)).get();
        await tx.update(staffUsers).set({ updatedAt: `2026-08-02T00:00:${String(round).padStart(2, "0")}.000Z` }).where(eq(staffUsers.id, user.id));
        const plain = await openSecret(TEST_AUTH_SECRET, user.id, row!.totpSecret!);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await tx.update(staffUsers).set({ totpSecret: await sealSecret(TEST_AUTH_SECRET, user.id, plain) }).where(eq(staffUsers.id, user.id));
        await writeAudit(tx, { clock, requestId: `reseal-${round}` }, { action: "test.reseal", outcome: "success", objectId: user.id });
      });
    const reseals = Promise.allSettled(Array.from({ length: RESEALS }, (_, i) => reseal(users[i % USERS]!, i)));

    const signIn = async (user: TestUser) => {
      const first = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
      const second = first.status === 200 ? await post(app, "/api/staff/auth/second-factor", { code: totpCode(user.secret, clock.now()) }, sessionCookieOf(first)) : first;
      return [first.status, second.status];
    };
    const statuses = (await Promise.all(users.map(signIn))).flat();

    expect((await reseals).filter((r) => r.status === "rejected")).toEqual([]);
    expect(statuses.filter((s) => s === 503)).toEqual([]);
    expect(statuses).toEqual(Array.from({ length: USERS * 2 }, () => 200));
    expect(log.lines.filter((l) => l.event === "request.database_unavailable")).toEqual([]);
    const [sessions] = await db.select({ n: count() }).from(staffSessions);
    expect(sessions!.n).toBe(USERS);
    const [resealed] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "test.reseal"));
    expect(resealed!.n).toBe(RESEALS);
  });
});
