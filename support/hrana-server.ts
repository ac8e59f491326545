/**
 * TEST DOUBLE, not a database server: a small Hrana-over-HTTP endpoint (protocol v2, JSON:
 * `POST /v2/pipeline`) over a local libSQL file through the `libsql` npm binding, so the
 * tests can run the built Worker (`@libsql/client/web`) and the CLIs against an `http://` URL
 * the way they run against Turso. There is no sqld to install here. It implements what
 * `@libsql/client`'s HTTP mode sends (hrana-client 0.10, protocol 2): `execute`, `batch`
 * with step conditions (`ok`, `error`, `not`, `and`, `or`, `is_autocommit`), `sequence`,
 * `store_sql`/`close_sql`, `get_autocommit` and `close`, with batons that keep a stream (one
 * connection, so one transaction) across requests; `/v3*` answers 404 so a v3 client falls
 * back to v2. Like sqld it lets a writer wait while another stream holds the write lock
 * (SQLITE_BUSY is retried asynchronously for a few seconds, never by blocking the event
 * loop) and drops a stream left idle. It counts the HTTP requests it answers, so a test can
 * say how many round trips a submission costs. Facts from libSQL's `docs/HTTP_V2_SPEC.md`
 * (batons, `GET /v2`, an HTTP error ends the stream) and hrana-client's JSON encoder and
 * decoder in node_modules (the request and value shapes); no code copied.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "libsql";

type Conn = InstanceType<typeof Database>;
type WireValue = { type: "null" } | { type: "integer"; value: string } | { type: "float"; value: number } | { type: "text"; value: string } | { type: "blob"; base64: string };
type WireStmt = { sql?: string; sql_id?: number; args?: WireValue[]; named_args?: { name: string; value: WireValue }[]; want_rows?: boolean };
type WireCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: WireCond }
  | { type: "and" | "or"; conds: WireCond[] }
  | { type: "is_autocommit" };
type WireRequest =
  | { type: "close" | "get_autocommit" }
  | { type: "execute"; stmt: WireStmt }
  | { type: "batch"; batch: { steps: { condition?: WireCond | null; stmt: WireStmt }[] } }
  | { type: "sequence" | "describe"; sql?: string; sql_id?: number }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number };
type StmtResult = { cols: { name: string; decltype: string | null }[]; rows: WireValue[][]; affected_row_count: number; last_insert_rowid: string | null };
type Stream = { conn: Conn; file: string; sqls: Map<number, string>; idle?: NodeJS.Timeout };

class SqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export type HranaServer = {
  /** `http://127.0.0.1:<port>`, for LIBSQL_URL. */
  url: string;
  /** HTTP requests answered on `/v2/pipeline` since the start or the last `resetCount()`. */
  requests(): number;
  resetCount(): void;
  close(): Promise<void>;
};

export type HranaServerOptions = {
  /** The libSQL file to serve (created if missing). */
  file: string;
  /** If set, every request must carry `Authorization: Bearer <token>`, as Turso asks. */
  token?: string;
  /** A stream with no request for this long is closed and its transaction rolled back (sqld: 10 s). */
  idleMs?: number;
};

const BUSY_RETRY_MS = 5;
const BUSY_WAIT_MS = 5_000;

const toWire = (v: unknown): WireValue => {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: String(v) };
  // With safeIntegers on, an INTEGER arrives as a bigint: a number is always a REAL.
  if (typeof v === "number") return { type: "float", value: v };
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  throw new SqlError(`unsupported value ${typeof v}`, "UNSUPPORTED");
};

const fromWire = (v: WireValue): unknown => {
  switch (v.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(v.value);
    case "float":
      return v.value;
    case "text":
      return v.value;
    case "blob":
      return Buffer.from(v.base64, "base64");
  }
};

function sqlOf(stream: Stream, source: { sql?: string; sql_id?: number }): string {
  if (source.sql !== undefined) return source.sql;
  const stored = source.sql_id === undefined ? undefined : stream.sqls.get(source.sql_id);
  if (stored === undefined) throw new SqlError(`unknown sql_id ${source.sql_id}`, "SQL_ID_UNKNOWN");
  return stored;
}

const scalar = (conn: Conn, sql: string) => (conn.prepare(sql).safeIntegers(true).raw(true).get() as unknown[])[0];

function execute(stream: Stream, stmt: WireStmt): StmtResult {
  const { conn } = stream;
  const prepared = conn.prepare(sqlOf(stream, stmt)).safeIntegers(true);
  const named = Object.fromEntries((stmt.named_args ?? []).map((a) => [a.name.replace(/^[:@$]/, ""), fromWire(a.value)]));
  const args: unknown[] = stmt.args?.length ? [stmt.args.map(fromWire)] : stmt.named_args?.length ? [named] : [];
  if (prepared.reader) {
    const before = scalar(conn, "SELECT total_changes()") as bigint;
    const rows = prepared.raw(true).all(...args) as unknown[][];
    const after = scalar(conn, "SELECT total_changes()") as bigint;
    return {
      cols: prepared.columns().map((c) => ({ name: c.name, decltype: c.type })),
      rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(toWire)),
      affected_row_count: Number(after - before),
      last_insert_rowid: String(scalar(conn, "SELECT last_insert_rowid()")),
    };
  }
  const run = prepared.run(...args);
  return { cols: [], rows: [], affected_row_count: run.changes, last_insert_rowid: String(run.lastInsertRowid) };
}

const sqlErrorOf = (error: unknown) => {
  const e = error as { message?: string; code?: string };
  return { message: String(e.message ?? error), code: String(e.code ?? "SQLITE_ERROR") };
};
const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: string }).code ?? ""));

/**
 * Runs `step`, waiting (without blocking other streams) while another connection holds the
 * write lock. Only outside a transaction (a statement or BEGIN IMMEDIATE): the binding leaves
 * the statement that met SQLITE_BUSY unreset, which would keep an implicit transaction open
 * and silently roll back what follows, so the stream gets a fresh connection before trying
 * again. Inside a transaction (BEGIN IMMEDIATE already holds the lock) busy is answered.
 */
async function retryBusy<T>(stream: Stream, step: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || stream.conn.inTransaction || Date.now() > deadline) throw error;
      stream.conn.close();
      stream.conn = new Database(stream.file);
      await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
    }
  }
}

function holds(cond: WireCond, results: (StmtResult | null)[], errors: (object | null)[], conn: Conn): boolean {
  switch (cond.type) {
    case "ok":
      return results[cond.step] != null;
    case "error":
      return errors[cond.step] != null;
    case "not":
      return !holds(cond.cond, results, errors, conn);
    case "and":
      return cond.conds.every((c) => holds(c, results, errors, conn));
    case "or":
      return cond.conds.some((c) => holds(c, results, errors, conn));
    case "is_autocommit":
      return !conn.inTransaction;
  }
}

async function runBatch(stream: Stream, steps: { condition?: WireCond | null; stmt: WireStmt }[]) {
  const results: (StmtResult | null)[] = [];
  const errors: ({ message: string; code: string } | null)[] = [];
  for (const step of steps) {
    results.push(null);
    errors.push(null);
    if (step.condition && !holds(step.condition, results, errors, stream.conn)) continue;
    try {
      results[results.length - 1] = await retryBusy(stream, () => execute(stream, step.stmt));
    } catch (error) {
      errors[errors.length - 1] = sqlErrorOf(error);
    }
  }
  return { step_results: results, step_errors: errors };
}

/** One request of a pipeline; returns the response object, or `closed` for `close`. */
async function handle(stream: Stream, request: WireRequest): Promise<object> {
  switch (request.type) {
    case "close":
      return { type: "close" };
    case "execute":
      return { type: "execute", result: await retryBusy(stream, () => execute(stream, request.stmt)) };
    case "batch":
      return { type: "batch", result: await runBatch(stream, request.batch.steps) };
    case "sequence":
      await retryBusy(stream, () => stream.conn.exec(sqlOf(stream, request)));
      return { type: "sequence" };
    case "store_sql":
      stream.sqls.set(request.sql_id, request.sql);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(request.sql_id);
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.conn.inTransaction };
    default:
      throw new SqlError(`request type ${(request as { type: string }).type} is not supported by this test double`, "UNSUPPORTED");
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startHranaServer(options: HranaServerOptions): Promise<HranaServer> {
  const idleMs = options.idleMs ?? 10_000;
  const streams = new Map<string, Stream>();
  let count = 0;
  // WAL, as sqld runs it, so readers in one stream do not wait on a writer in another.
  new Database(options.file).pragma("journal_mode = WAL");

  const closeStream = (stream: Stream) => {
    clearTimeout(stream.idle);
    if (stream.conn.open) stream.conn.close();
  };

  async function pipeline(body: { baton?: string | null; requests: WireRequest[] }) {
    let stream: Stream;
    if (body.baton) {
      const found = streams.get(body.baton);
      if (!found) return { status: 400, body: { message: "unknown or expired baton", code: "STREAM_EXPIRED" } };
      streams.delete(body.baton);
      clearTimeout(found.idle);
      stream = found;
    } else {
      stream = { conn: new Database(options.file), file: options.file, sqls: new Map() };
    }
    const results: object[] = [];
    let closed = false;
    for (const request of body.requests) {
      if (closed) {
        results.push({ type: "error", error: { message: "stream is closed", code: "STREAM_CLOSED" } });
        continue;
      }
      try {
        results.push({ type: "ok", response: await handle(stream, request) });
        if (request.type === "close") closed = true;
      } catch (error) {
        results.push({ type: "error", error: sqlErrorOf(error) });
      }
    }
    if (closed) {
      closeStream(stream);
      return { status: 200, body: { baton: null, base_url: null, results } };
    }
    const baton = randomBytes(16).toString("hex");
    stream.idle = setTimeout(() => {
      streams.delete(baton);
      closeStream(stream);
    }, idleMs);
    stream.idle.unref();
    streams.set(baton, stream);
    return { status: 200, body: { baton, base_url: null, results } };
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return reply(res, 401, { message: "unauthorized" });
    if (req.method === "GET" && (path === "/" || path === "/v2")) return reply(res, 200, {});
    if (req.method !== "POST" || path !== "/v2/pipeline") return reply(res, 404, { message: `not found: ${req.method} ${path}` });
    count++;
    readJson(req)
      .then((body) => pipeline(body as { baton?: string; requests: WireRequest[] }))
      .then(({ status, body }) => reply(res, status, body))
      .catch((error: unknown) => reply(res, 400, { message: String((error as Error).message ?? error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    resetCount: () => void (count = 0),
    close: async () => {
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
