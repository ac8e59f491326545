/**
 * The libSQL client for an embedded `file:` database on the Node entry (issue 21): the same
 * `Client` contract as `@libsql/client`'s local client, on ONE connection, with every
 * statement prepared once and kept.
 *
 * Why not the library's own client: it prepares every statement again on every call, asks
 * each one whether it returns rows by catching the exception `raw()` throws, reads its columns
 * twice, and lends a pooled connection per call. Profiling complaint submissions at load put
 * 13 % of the server's thread in those steps alone (docs/performance.md). Preparing is the
 * part SQLite lets a client do once: a prepared statement is reset and rebound on each run,
 * and SQLite prepares it again by itself if the schema changes under it.
 *
 * One connection is enough because the Node entry never lets two pieces of work reach the
 * database at once: serializeClient (./serialized-client.ts) queues every call and holds the
 * queue from BEGIN to COMMIT. This client relies on that queue and must not be used without
 * it. Results, rows and errors are exactly the library's: rows carry their values by index
 * and by column name, integers come back as numbers (a value beyond 2^53 throws, as its
 * default `intMode` does), blobs as ArrayBuffers, and a SQLite error is a LibsqlError with
 * the same code, extended code and raw code; a failing batch statement is a LibsqlBatchError
 * with its index. `tests/api/platform/embedded-client.test.ts` holds each of these against
 * the library's client.
 */
import type { Client, InArgs, InStatement, Replicated, ResultSet, Row, Transaction, TransactionMode } from "@libsql/client";
import { LibsqlBatchError, LibsqlError } from "@libsql/client";
import { ResultSetImpl, transactionModeToBegin } from "@libsql/core/util";
import Database from "libsql";

/** How many distinct statements stay prepared; past it the least recently used is dropped. */
export const STATEMENT_CACHE_SIZE = 500;

type Value = null | string | number | bigint | ArrayBuffer | Buffer;
type Prepared = { stmt: Database.Statement; reader: boolean; columns: string[]; columnTypes: string[] };

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

/** Statements that change the schema: prepared statements survive them, but cached column lists may not. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/** SQLite's primary result codes by number, as the library names them. */
const BASE_CODES = [
  "SQLITE_OK", "SQLITE_ERROR", "SQLITE_INTERNAL", "SQLITE_PERM", "SQLITE_ABORT", "SQLITE_BUSY", "SQLITE_LOCKED",
  "SQLITE_NOMEM", "SQLITE_READONLY", "SQLITE_INTERRUPT", "SQLITE_IOERR", "SQLITE_CORRUPT", "SQLITE_NOTFOUND",
  "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_PROTOCOL", "SQLITE_EMPTY", "SQLITE_SCHEMA", "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT", "SQLITE_MISMATCH", "SQLITE_MISUSE", "SQLITE_NOLFS", "SQLITE_AUTH", "SQLITE_FORMAT",
  "SQLITE_RANGE", "SQLITE_NOTADB", "SQLITE_NOTICE", "SQLITE_WARNING",
];

/** A driver error as the library's client reports it. */
function libsqlError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const raw = (error as { rawCode?: number }).rawCode;
  const code = raw === undefined ? "SQLITE_UNKNOWN" : (BASE_CODES[raw & 0xff] ?? `SQLITE_UNKNOWN_${raw & 0xff}`);
  return new LibsqlError(error.message, code, error.code, raw, error);
}

function toSql(value: unknown): Value {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return value;
  }
  if (typeof value === "bigint") {
    if (value < MIN_INT64 || value > MAX_INT64) throw new RangeError("bigint is too large to be represented as a 64-bit integer and passed as argument");
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value as Value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === "bigint") {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer;
  return value;
}

/** A row as the library builds it: values by index (not enumerable) and by the first column of each name. */
function rowOf(values: unknown[], columns: string[]): Row {
  const row = {};
  Object.defineProperty(row, "length", { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const column = columns[i]!;
    if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
  }
  return row as Row;
}

function argsOf(stmt: InStatement): { sql: string; args: Value[] | Record<string, Value> } {
  if (typeof stmt === "string") return { sql: stmt, args: [] };
  if (Array.isArray(stmt.args) || stmt.args === undefined) return { sql: stmt.sql, args: (stmt.args ?? []).map(toSql) };
  const named: Record<string, Value> = {};
  for (const name in stmt.args) named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(stmt.args[name]);
  return { sql: stmt.sql, args: named };
}

/** The filesystem path a `file:` URL names, as the library reads it. */
function pathOf(url: string): string {
  if (!url.startsWith("file:")) throw new LibsqlError(`The embedded client opens file: URLs only, not ${JSON.stringify(url)}`, "URL_SCHEME_NOT_SUPPORTED");
  const rest = url.slice("file:".length);
  return decodeURIComponent(rest.startsWith("//") ? new URL(url).pathname : rest);
}

class Connection {
  readonly #db: Database.Database;
  readonly #cache = new Map<string, Prepared>();

  constructor(path: string, timeoutMs: number) {
    this.#db = new Database(path, { timeout: timeoutMs });
  }

  get open(): boolean {
    return this.#db.open;
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  #prepared(sql: string): Prepared {
    const cached = this.#cache.get(sql);
    if (cached) {
      // Most recently used last, so the first key is the one to drop.
      this.#cache.delete(sql);
      this.#cache.set(sql, cached);
      return cached;
    }
    const stmt = this.#db.prepare(sql);
    stmt.safeIntegers(true);
    const reader = stmt.reader;
    let columns: string[] = [];
    let columnTypes: string[] = [];
    if (reader) {
      stmt.raw(true);
      const described = stmt.columns();
      columns = described.map((column) => column.name);
      columnTypes = described.map((column) => column.type ?? "");
    }
    const prepared = { stmt, reader, columns, columnTypes };
    if (SCHEMA_CHANGE.test(sql)) return prepared;
    if (this.#cache.size >= STATEMENT_CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(sql, prepared);
    return prepared;
  }

  execute(stmt: InStatement): ResultSet {
    const { sql, args } = argsOf(stmt);
    try {
      if (SCHEMA_CHANGE.test(sql)) this.#cache.clear();
      const { stmt: prepared, reader, columns, columnTypes } = this.#prepared(sql);
      if (reader) {
        const rows = (prepared.all(args) as unknown[][]).map((values) => rowOf(values, columns));
        return new ResultSetImpl(columns, columnTypes, rows, 0, undefined);
      }
      const info = prepared.run(args);
      return new ResultSetImpl([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      throw libsqlError(error);
    }
  }

  /** Statements in order inside the transaction already begun; a failure names its index. */
  executeAll(stmts: InStatement[]): ResultSet[] {
    const results: ResultSet[] = [];
    for (const [index, stmt] of stmts.entries()) {
      try {
        if (!this.inTransaction) throw new LibsqlBatchError("The transaction has been rolled back", index, "TRANSACTION_CLOSED");
        results.push(this.execute(stmt));
      } catch (error) {
        if (error instanceof LibsqlBatchError || !(error instanceof LibsqlError)) throw error;
        throw new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
      }
    }
    return results;
  }

  executeMultiple(sql: string): void {
    this.#cache.clear();
    try {
      this.#db.exec(sql);
    } catch (error) {
      throw libsqlError(error);
    }
  }

  /** Ends a transaction a failed call left open, as the library does before lending a connection again. */
  rollBackLeftover(): void {
    if (this.open && this.inTransaction) this.execute("ROLLBACK");
  }

  close(): void {
    this.#cache.clear();
    if (this.#db.open) this.#db.close();
  }
}

const normalized = (stmts: Array<InStatement | [string, InArgs?]>): InStatement[] => stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s));

/** Opens `url` (a `file:` URL) on one connection; `timeoutMs` is the busy timeout for other processes' locks. */
export function openEmbeddedClient(url: string, timeoutMs: number): Client {
  const path = pathOf(url);
  let connection = new Connection(path, timeoutMs);
  let closed = false;
  const usable = (): Connection => {
    if (closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
    return connection;
  };
  // Fail at once when the file cannot be opened, as the library's client does.
  connection.execute("SELECT 1");

  const client = {
    async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
      const db = usable();
      try {
        return db.execute(typeof stmtOrSql === "string" ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
      } finally {
        db.rollBackLeftover();
      }
    },
    async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = "deferred"): Promise<ResultSet[]> {
      const db = usable();
      try {
        db.execute(transactionModeToBegin(mode));
        const results = db.executeAll(normalized(stmts));
        db.execute("COMMIT");
        return results;
      } finally {
        db.rollBackLeftover();
      }
    },
    async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
      const db = usable();
      db.execute("PRAGMA foreign_keys=off");
      try {
        db.execute(transactionModeToBegin("deferred"));
        const results = db.executeAll(stmts);
        db.execute("COMMIT");
        return results;
      } finally {
        db.rollBackLeftover();
        db.execute("PRAGMA foreign_keys=on");
      }
    },
    async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
      const db = usable();
      db.execute(transactionModeToBegin(mode));
      return embeddedTransaction(db);
    },
    async executeMultiple(sql: string): Promise<void> {
      const db = usable();
      try {
        db.executeMultiple(sql);
      } finally {
        db.rollBackLeftover();
      }
    },
    async sync(): Promise<Replicated> {
      throw new LibsqlError("An embedded file database has no remote to sync with", "SYNC_NOT_SUPPORTED");
    },
    async reconnect(): Promise<void> {
      connection.close();
      connection = new Connection(path, timeoutMs);
      closed = false;
    },
    close(): void {
      closed = true;
      connection.close();
    },
    get closed() {
      return closed;
    },
    protocol: "file",
  };
  return client as unknown as Client;
}

/** A transaction on the connection: open until COMMIT, ROLLBACK, close, or SQLite ends it after an error. */
function embeddedTransaction(db: Connection): Transaction {
  let settled = false;
  const live = (): Connection => {
    if (settled || !db.open || !db.inTransaction) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
    return db;
  };
  const end = (sql: "COMMIT" | "ROLLBACK") => {
    try {
      if (db.open && db.inTransaction) db.execute(sql);
      else if (sql === "COMMIT") throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
    } finally {
      settled = true;
    }
  };
  return {
    execute: async (stmt: InStatement) => live().execute(stmt),
    batch: async (stmts: InStatement[]) => live().executeAll(stmts),
    executeMultiple: async (sql: string) => live().executeMultiple(sql),
    commit: async () => {
      if (settled) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
      end("COMMIT");
    },
    rollback: async () => {
      if (!settled) end("ROLLBACK");
    },
    close: () => {
      if (!settled) end("ROLLBACK");
    },
    get closed() {
      return settled || !db.open || !db.inTransaction;
    },
  };
}
