/**
 * The Hrana-over-HTTP test double (support/hrana-server.ts) answers `@libsql/client`'s HTTP
 * mode as a libSQL server would: the app's migrations over HTTP, interactive transactions
 * across batons (commit and rollback), an atomic batch whose failed step undoes the others,
 * a second writer that waits for the first, and a refused token. If it lied, the Worker
 * tests built on it would prove nothing.
 */
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { startHranaServer, type HranaServer } from "../../../support/hrana-server";
import { tempDir } from "../../fixtures/temp-db";

describe("the Hrana test double", () => {
  let server: HranaServer;
  let client: Client;
  beforeAll(async () => {
    server = await startHranaServer({ file: path.join(tempDir("balance-hrana-"), "h.db"), token: "t0ken" });
    client = createClient({ url: server.url, authToken: "t0ken" });
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB)");
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it("applies the app's migrations over HTTP", async () => {
    await migrateDatabase(createDb(client));
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'complaints'");
    expect(tables.rows).toHaveLength(1);
  });

  it("round-trips values and reports affected rows and the last rowid", async () => {
    const inserted = await client.execute({ sql: "INSERT INTO t (name, score, data) VALUES (?, ?, ?) RETURNING id", args: ["a", 1.5, new Uint8Array([1, 2])] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(BigInt(inserted.rows[0]!.id as number));
    const row = (await client.execute({ sql: "SELECT name, score, data FROM t WHERE name = ?", args: ["a"] })).rows[0]!;
    expect([row.name, row.score, [...new Uint8Array(row.data as ArrayBuffer)]]).toEqual(["a", 1.5, [1, 2]]);
  });

  it("keeps an interactive transaction on one stream: rollback undoes, commit keeps", async () => {
    const undone = await client.transaction("write");
    await undone.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["rolled back"] });
    expect((await undone.execute("SELECT count(*) AS n FROM t WHERE name = 'rolled back'")).rows[0]!.n).toBe(1);
    await undone.rollback();
    const kept = await client.transaction("write");
    await kept.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["committed"] });
    await kept.commit();
    const names = (await client.execute("SELECT name FROM t")).rows.map((r) => r.name);
    expect(names).toContain("committed");
    expect(names).not.toContain("rolled back");
  });

  it("runs a batch atomically: a failing step undoes the steps before it", async () => {
    await expect(
      client.batch([{ sql: "INSERT INTO t (name) VALUES ('b1')", args: [] }, { sql: "INSERT INTO t (name) VALUES ('a')", args: [] }], "write"),
    ).rejects.toThrow(/UNIQUE/);
    expect((await client.execute("SELECT count(*) AS n FROM t WHERE name = 'b1'")).rows[0]!.n).toBe(0);
  });

  it("lets a second writer wait for the first instead of failing", async () => {
    const first = await client.transaction("write");
    await first.execute("INSERT INTO t (name) VALUES ('first')");
    const second = client.execute("INSERT INTO t (name) VALUES ('second')");
    await new Promise((r) => setTimeout(r, 50));
    await first.commit();
    await second;
    expect((await client.execute("SELECT count(*) AS n FROM t WHERE name IN ('first', 'second')")).rows[0]!.n).toBe(2);
  });

  it("counts the HTTP requests it answers", async () => {
    server.resetCount();
    await client.execute("SELECT 1");
    expect(server.requests()).toBe(1);
  });

  it("refuses a request without the token", async () => {
    const stranger = createClient({ url: server.url, authToken: "wrong" });
    await expect(stranger.execute("SELECT 1")).rejects.toThrow();
    stranger.close();
  });
});
