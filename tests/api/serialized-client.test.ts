// The queued libSQL file client of the Node entry, on a real database file: overlapping drizzle
// transactions, plain writes and batches all succeed in order; a failed transaction rolls back
// and frees the queue; a batch is atomic (a submission's one round trip relies on it); the outer
// client used inside a transaction fails loudly, not forever.
import { createClient } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NestedDatabaseUseError } from "../../functions/platform/serialized-client";
import { openNodeLibsqlClient } from "../../functions/platform/node-libsql-client";
import { tempDir } from "../fixtures/temp-db";
import path from "node:path";
import { rmSync } from "node:fs";

/** Test-only tables: a counter that read-then-write transactions bump, and a log of writes. */
const counters = sqliteTable("counters", { id: text("id").primaryKey(), value: integer("value").notNull() });
const entries = sqliteTable("entries", { id: integer("id").primaryKey(), label: text("label").notNull() });

const CREATE = [
  "create table counters (id text primary key, value integer not null)",
  "create table entries (id integer primary key, label text not null)",
  "insert into counters (id, value) values ('c', 0)",
];

describe("the queued libSQL file client", () => {
  let dir: string;
  let url: string;
  const opened: Array<{ close(): void }> = [];

  beforeEach(async () => {
    dir = tempDir();
    url = `file:${path.join(dir, "queue.db")}`;
  });
  afterEach(() => {
    opened.splice(0).forEach((c) => c.close());
    rmSync(dir, { recursive: true, force: true });
  });

  async function open() {
    const client = await openNodeLibsqlClient(url);
    opened.push(client);
    for (const statement of CREATE) await client.execute(statement);
    return { client, db: drizzle(client) };
  }

  type Db = Awaited<ReturnType<typeof open>>["db"];
  const bump = (db: Db) =>
    db.transaction(async (tx) => {
      const [row] = await tx.select().from(counters).where(eq(counters.id, "c"));
      // Yield between the read and the write, as a real request does, so transactions overlap.
      await new Promise((resolve) => setImmediate(resolve));
      await tx.update(counters).set({ value: row!.value + 1 }).where(eq(counters.id, "c"));
      return row!.value;
    });
  const counterValue = async (db: Db) => (await db.select().from(counters).where(eq(counters.id, "c")))[0]!.value;

  it("meets SQLITE_BUSY without the queue (the failure this module exists for)", async () => {
    const raw = createClient({ url });
    opened.push(raw);
    for (const statement of CREATE) await raw.execute(statement);
    const db = drizzle(raw);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => bump(db)));
    const busy = results.filter((r) => r.status === "rejected" && /SQLITE_BUSY|database is locked/.test(String(r.reason?.cause ?? r.reason)));
    expect(busy.length).toBeGreaterThan(0);
  });

  it("runs 50 overlapping read-then-write transactions, all succeeding, with no lost update", async () => {
    const { db } = await open();
    const started = performance.now();
    const seen = await Promise.all(Array.from({ length: 50 }, () => bump(db)));
    const ms = performance.now() - started;
    console.info(`50 overlapping drizzle transactions on the queued file client: ${ms.toFixed(0)} ms`);
    expect(await counterValue(db)).toBe(50);
    // Each transaction read a different value: none saw another's uncommitted or stale state.
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("interleaves plain inserts, batches and transactions, all succeeding", async () => {
    const { db } = await open();
    const work = Array.from({ length: 60 }, (_, i) => {
      if (i % 3 === 0) return bump(db);
      if (i % 3 === 1) return db.insert(entries).values({ label: `plain ${i}` });
      return db.batch([db.insert(entries).values({ label: `batch ${i} a` }), db.insert(entries).values({ label: `batch ${i} b` })]);
    });
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await counterValue(db)).toBe(20);
    const [{ n }] = (await db.select({ n: sql<number>`count(*)` }).from(entries)) as [{ n: number }];
    expect(n).toBe(20 + 40);
  });

  it("runs a batch atomically: a failing statement undoes the earlier ones, and overlapping conditional batches never interleave", async () => {
    const { db } = await open();
    // The second statement breaks the primary key: the first one's write must not survive.
    const failing = db.batch([db.update(counters).set({ value: 999 }).where(eq(counters.id, "c")), db.insert(entries).values({ id: 1, label: "x" }), db.insert(entries).values({ id: 1, label: "y" })]);
    await expect(failing).rejects.toThrow();
    expect(await counterValue(db)).toBe(0);
    expect(await db.select().from(entries)).toEqual([]);
    // Each batch bumps the counter and records the value it took, read back in SQL, as a submission's batch does.
    const takes = Array.from({ length: 30 }, () =>
      db.batch([
        db.update(counters).set({ value: sql`${counters.value} + 1` }).where(eq(counters.id, "c")),
        db.run(sql`insert into entries (label) select 'took ' || value from counters where id = 'c'`),
      ]),
    );
    expect((await Promise.allSettled(takes)).filter((r) => r.status === "rejected")).toEqual([]);
    const labels = (await db.select().from(entries)).map((e) => e.label).sort();
    expect(labels).toEqual(Array.from({ length: 30 }, (_, i) => `took ${i + 1}`).sort());
  });

  it("rolls back a transaction that throws and lets the next one proceed", async () => {
    const { db } = await open();
    const failing = db.transaction(async (tx) => {
      await tx.update(counters).set({ value: 999 }).where(eq(counters.id, "c"));
      await tx.insert(entries).values({ label: "rolled back" });
      throw new Error("refused halfway");
    });
    const next = bump(db);
    await expect(failing).rejects.toThrow("refused halfway");
    expect(await next).toBe(0);
    expect(await counterValue(db)).toBe(1);
    expect(await db.select().from(entries)).toEqual([]);
  });

  it("refuses the outer client inside a transaction with a clear error instead of hanging, and recovers", async () => {
    const { db } = await open();
    const misuse = db.transaction(async (tx) => {
      await tx.update(counters).set({ value: 7 }).where(eq(counters.id, "c"));
      await db.select().from(counters); // the outer db, not tx
    });
    await expect(misuse).rejects.toSatisfy((error: Error) => (error.cause ?? error) instanceof NestedDatabaseUseError);
    await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(NestedDatabaseUseError);
    // Both rolled back and released the queue.
    expect(await counterValue(db)).toBe(0);
    expect(await bump(db)).toBe(0);
  });

  it("does not mistake a later query of the same request for nested use", async () => {
    const { db } = await open();
    await bump(db);
    // Same async context as the finished transaction: must run, not throw.
    expect(await counterValue(db)).toBe(1);
    await bump(db);
    expect(await counterValue(db)).toBe(2);
  });
});
