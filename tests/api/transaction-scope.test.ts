// createDb's scoped transactions on the Node entry's queued file client: requests that one
// callback resumes together each get their own transaction mark (no false "nested use" 500s,
// which the submission load found), and misuse of the outer database inside a transaction is
// still refused at once. Its own file: an earlier test's leftover async context would hide the
// leak this guards against.
import { rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { openNodeLibsqlClient } from "../../functions/platform/node-libsql-client";
import { NestedDatabaseUseError } from "../../functions/platform/serialized-client";
import { tempDir } from "../fixtures/temp-db";

describe("scoped transactions on the queued file client", () => {
  let dir: string;
  const opened: Array<{ close(): void }> = [];
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    opened.splice(0).forEach((c) => c.close());
    rmSync(dir, { recursive: true, force: true });
  });

  async function open() {
    const client = await openNodeLibsqlClient(`file:${path.join(dir, "scope.db")}`);
    opened.push(client);
    await client.execute("create table burst (label text not null)");
    return { client, db: createDb(client) };
  }

  it("keeps requests resumed by one callback apart: each starts its own transaction", async () => {
    const { client, db } = await open();
    let release!: () => void;
    const shared = new Promise<void>((resolve) => (release = resolve));
    // Like concurrent requests that one I/O callback resumes (a value they all awaited): the
    // later ones start their transaction while the first already holds the lock.
    const request = async (label: string, i: number) => {
      await shared;
      for (let step = 0; step < i * 10; step++) await null;
      return db.transaction(async (tx) => {
        await tx.run(sql`insert into burst (label) values (${label})`);
        await new Promise((resolve) => setImmediate(resolve));
        return label;
      });
    };
    const all = Promise.allSettled(["a", "b", "c", "d"].map((label, i) => request(label, i)));
    setTimeout(release, 10);
    expect((await all).map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).name))).toEqual(["a", "b", "c", "d"]);
    expect((await client.execute("select label from burst order by label")).rows.map((r) => r.label)).toEqual(["a", "b", "c", "d"]);
  });

  it("still refuses the outer database inside a transaction at once, and recovers", async () => {
    const { client, db } = await open();
    const misuse = db.transaction(async (tx) => {
      await tx.run(sql`insert into burst (label) values ('x')`);
      await db.run(sql`select count(*) from burst`); // the outer db, not tx
    });
    await expect(misuse).rejects.toSatisfy((error: Error) => (error.cause ?? error) instanceof NestedDatabaseUseError);
    await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(NestedDatabaseUseError);
    // Rolled back and released the queue; the same context may use the database afterwards.
    expect((await client.execute("select count(*) as n from burst")).rows[0]!.n).toBe(0);
    await db.transaction(async (tx) => tx.run(sql`insert into burst (label) values ('y')`));
    expect((await client.execute("select count(*) as n from burst")).rows[0]!.n).toBe(1);
  });
});
