/**
 * Group commit for the Node entry's embedded libSQL file (issue 21). Every commit on a file
 * database costs an fsync, and the embedded driver runs it synchronously on the event loop,
 * so at load a submission's two commits (its rate-limit count and its batch) bound the
 * throughput. Here the atomic batches, and the plain writes made outside a transaction (such
 * as the rate-limit count), that are waiting for the database lock are written together in
 * ONE transaction: each member inside its own SAVEPOINT, so a member whose statement fails is
 * rolled back alone and only its caller gets the error (the same LibsqlBatchError, with the
 * same statement index, that a batch of its own would have thrown), while the others go on.
 * Members run in arrival order, so each sees the writes of the members before it, exactly as
 * if the batches had committed one after another. Every caller is answered only after the
 * COMMIT that holds its writes has returned; when that COMMIT (or the transaction around the
 * members) fails, every member fails and none is acknowledged. Commits stay synchronous
 * (`synchronous=FULL`, the WAL default), so a kill or a power cut loses no acknowledged write.
 *
 * A group forms while the lock is busy: the first member waiting schedules one flush through
 * `setImmediate` (so everything that reaches the database in the same turn of the event loop
 * joins it) and that flush waits in the client's FIFO queue behind whatever holds the lock;
 * members arriving meanwhile join. A group is bounded (GROUP_LIMITS: members and statement
 * bytes) so one group cannot hold the lock for long; the rest wait for the next flush, which
 * queues behind the readers and transactions already waiting. A group of one member runs
 * through the client's own `batch`/`execute`, with no savepoint, as before this module.
 */
import type { Client, InArgs, InStatement, ResultSet, Transaction } from "@libsql/client";
import { LibsqlBatchError, LibsqlError } from "@libsql/client";
import type { Mutex } from "async-mutex";

/** How large one group may grow: at most this many members, and this many bytes of SQL and arguments. */
export const GROUP_LIMITS = { members: 64, bytes: 1 << 20 } as const;

type Member = {
  /** `batch`: an atomic batch (errors carry the statement index); `write`: one statement. */
  kind: "batch" | "write";
  stmts: InStatement[];
  bytes: number;
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
};

/** What the groups were, for the tests: groups flushed, members they held, the largest group. */
export type GroupCommitStats = { groups: number; members: number; largest: number };

type Outcome = { ok: true; results: ResultSet[] } | { ok: false; error: unknown };

/** A member's statement failed and SQLite rolled the whole transaction back with it. */
class GroupFailure extends Error {
  constructor(
    override readonly cause: unknown,
    /** The error as the failing member itself is told (a batch's carries the statement index). */
    readonly own: unknown,
  ) {
    super("the group's transaction was rolled back");
  }
}

const SAVEPOINT = "group_commit_member";

/** Roughly the bytes a statement sends to SQLite: its SQL and its text and blob arguments. */
function bytesOf(stmt: InStatement): number {
  if (typeof stmt === "string") return stmt.length;
  let bytes = stmt.sql.length;
  const args = Array.isArray(stmt.args) ? stmt.args : Object.values(stmt.args ?? {});
  for (const value of args) {
    if (typeof value === "string") bytes += value.length;
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) bytes += value.byteLength;
    else bytes += 8;
  }
  return bytes;
}

/** The error a batch of its own would have thrown for statement `index` (sqlite3 client's rule). */
function asBatchError(error: unknown, index: number): unknown {
  if (error instanceof LibsqlBatchError || !(error instanceof LibsqlError)) return error;
  return new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
}

export function groupCommitter(client: Client, mutex: Mutex, limits: { members: number; bytes: number } = GROUP_LIMITS) {
  const waiting: Member[] = [];
  let scheduled = false;
  const stats: GroupCommitStats = { groups: 0, members: 0, largest: 0 };

  /** The next group: members in arrival order, within the limits (always at least one). */
  function takeGroup(): Member[] {
    let count = 0;
    let bytes = 0;
    while (count < waiting.length && count < limits.members) {
      const next = waiting[count]!;
      if (count > 0 && bytes + next.bytes > limits.bytes) break;
      bytes += next.bytes;
      count++;
    }
    return waiting.splice(0, count);
  }

  /**
   * Runs one member inside its own savepoint. A failing statement is undone with the savepoint
   * and kept as this member's error (a batch's carries the statement's index). When the undo
   * itself fails, SQLite has already rolled the whole transaction back: that fails the group,
   * with the statement's own error as the cause everyone is told. A member of ONE statement
   * needs no savepoint (SQLite backs out a failed statement by itself and keeps the
   * transaction), which saves two statements per rate-limit count; if its failure ended the
   * transaction instead, the group fails, so no later member runs outside it.
   */
  async function runMember(tx: Transaction, member: Member): Promise<Outcome> {
    const single = member.stmts.length === 1;
    if (!single) await tx.execute(`SAVEPOINT ${SAVEPOINT}`);
    const results: ResultSet[] = [];
    for (const [index, stmt] of member.stmts.entries()) {
      try {
        results.push(await tx.execute(stmt));
      } catch (error) {
        const own = member.kind === "batch" ? asBatchError(error, index) : error;
        try {
          if (single) {
            if (tx.closed) throw error;
          } else {
            await tx.execute(`ROLLBACK TO ${SAVEPOINT}`);
            await tx.execute(`RELEASE ${SAVEPOINT}`);
          }
        } catch {
          throw new GroupFailure(error, own);
        }
        return { ok: false, error: own };
      }
    }
    if (!single) await tx.execute(`RELEASE ${SAVEPOINT}`);
    return { ok: true, results };
  }

  async function runAlone(member: Member): Promise<void> {
    try {
      member.resolve(member.kind === "batch" ? await client.batch(member.stmts) : [await client.execute(member.stmts[0]!)]);
    } catch (error) {
      member.reject(error);
    }
  }

  async function runGroup(group: Member[]): Promise<void> {
    stats.groups++;
    stats.members += group.length;
    stats.largest = Math.max(stats.largest, group.length);
    if (group.length === 1) return runAlone(group[0]!);
    let tx;
    try {
      tx = await client.transaction("write");
    } catch (error) {
      for (const member of group) member.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      for (const member of group) outcomes.push(await runMember(tx, member));
      await tx.commit();
    } catch (error) {
      // The transaction or its COMMIT failed: no member's writes are known to be durable.
      tx.close();
      const cause = error instanceof GroupFailure ? error.cause : error;
      group.forEach((member, i) => {
        const own = outcomes[i];
        member.reject(own?.ok === false ? own.error : error instanceof GroupFailure && i === outcomes.length ? error.own : cause);
      });
      return;
    }
    group.forEach((member, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) member.resolve(outcome.results);
      else member.reject(outcome.error);
    });
  }

  function flush() {
    void mutex.runExclusive(async () => {
      scheduled = false;
      await runGroup(takeGroup());
      if (waiting.length > 0) schedule();
    });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  function join(kind: Member["kind"], stmts: InStatement[]): Promise<ResultSet[]> {
    return new Promise((resolve, reject) => {
      waiting.push({ kind, stmts, bytes: stmts.reduce((sum, s) => sum + bytesOf(s), 0), resolve, reject });
      schedule();
    });
  }

  return {
    /** An atomic batch, committed with whatever else is waiting; resolves after its COMMIT. */
    batch: (stmts: Array<InStatement | [string, InArgs?]>) => join("batch", stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s))),
    /** One write statement outside a transaction, committed the same way. */
    write: async (stmt: InStatement) => (await join("write", [stmt]))[0]!,
    stats,
  };
}
