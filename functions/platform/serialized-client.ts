/**
 * Makes an embedded libSQL file client safe under concurrent requests by running its work one
 * piece at a time. The local client lends a pooled connection to each call and to each open
 * transaction, so two overlapping write transactions sit on two connections and the second
 * one's first write meets SQLITE_BUSY. A busy timeout cannot fix that in-process: the native
 * driver waits synchronously, blocking the event loop that the lock holder needs in order to
 * commit. So every call goes through one FIFO mutex (async-mutex, a small, widely used library,
 * rather than a hand-rolled promise chain): `transaction()` holds it from BEGIN until commit,
 * rollback or close, and `execute`/`batch`/`migrate`/`executeMultiple` take it for one call.
 * Reads are synchronous native calls anyway, so queueing them costs little. Only the Node entry
 * (and the test fixtures that mirror it) use this; the Worker talks to Turso over HTTP, where
 * the server orders writes.
 *
 * A transaction callback that queries through the outer client instead of its `tx` would wait
 * for a lock its own transaction holds, forever. The transaction marks the async context it was
 * started from (AsyncLocalStorage) and such a call throws NestedDatabaseUseError at once
 * instead of hanging. The mark also reaches code started in the same synchronous step as the
 * transaction without awaiting it; such code must not query while that transaction is open.
 *
 * How the mark is set matters. `enterWith` marks the current async resource, and on Node 22
 * that resource can be a promise other requests are awaiting too (a shared, lazily built
 * value): every request resumed from it would then carry this transaction's mark and be
 * refused as "nested" while the lock is held (the bench's load found this as 500s on the first
 * concurrent submissions). So the client offers a transaction scope (db/transaction-scope.ts):
 * `createDb` runs each drizzle transaction inside `AsyncLocalStorage.run` with a fresh mark,
 * which is restored when the synchronous start returns and reaches only that transaction's
 * own continuations. `enterWith` remains only for callers that open `client.transaction()`
 * without the scope.
 *
 * Atomic batches and plain writes (INSERT, UPDATE, DELETE, REPLACE outside a transaction) do
 * not take the lock one by one: they wait in a group that commits together under one fsync,
 * each in its own savepoint and each answered after that commit (./group-commit.ts, issue 21).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Client, InArgs, InStatement, Replicated, ResultSet, Transaction, TransactionMode } from "@libsql/client";
import { Mutex } from "async-mutex";
import { TRANSACTION_SCOPE, type TransactionScope } from "../../db/transaction-scope";
import { groupCommitter } from "./group-commit";

/** A query made through the outer client while this async context's own transaction holds the lock. */
export class NestedDatabaseUseError extends Error {
  override name = "NestedDatabaseUseError";
  constructor(operation: string) {
    super(
      `Database ${operation}() was called through the outer client inside an open transaction. ` +
        "Use the transaction (`tx`) given to the callback; the outer client waits for this transaction to end, so the call would never finish.",
    );
  }
}

/** A statement that writes and may therefore commit with a group (a plain SELECT or PRAGMA takes the lock alone). */
const WRITE = /^\s*(insert|update|delete|replace)\b/i;

/** One per transaction: whether it currently holds the lock, and whether a transaction has taken it. */
type TransactionMark = { holdsLock: boolean; claimed: boolean };

export function serializeClient(client: Client): Client {
  const mutex = new Mutex();
  const marks = new AsyncLocalStorage<TransactionMark>();

  const refuseNestedUse = (operation: string) => {
    if (marks.getStore()?.holdsLock) throw new NestedDatabaseUseError(operation);
  };
  const group = groupCommitter(client, mutex);
  /** Runs `start` unless this context's own transaction holds the lock (then it would wait forever). */
  const refusingNested = <T>(operation: string, start: () => Promise<T>): Promise<T> => {
    try {
      refuseNestedUse(operation);
    } catch (error) {
      return Promise.reject(error);
    }
    return start();
  };
  const exclusive = <T>(operation: string, run: () => Promise<T>): Promise<T> => refusingNested(operation, () => mutex.runExclusive(run));

  async function beginTransaction(mark: TransactionMark, mode: TransactionMode | undefined): Promise<Transaction> {
    const release = await mutex.acquire();
    mark.holdsLock = true;
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      mark.holdsLock = false;
      release();
    };
    try {
      return holdUntilSettled(await client.transaction(mode), releaseOnce);
    } catch (error) {
      releaseOnce();
      throw error;
    }
  }

  const scope: TransactionScope = (start) => refusingNested("transaction", () => marks.run({ holdsLock: false, claimed: false }, start));

  return {
    [TRANSACTION_SCOPE]: scope,
    execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
      const stmt = typeof stmtOrSql === "string" ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
      if (WRITE.test(typeof stmt === "string" ? stmt : stmt.sql)) return refusingNested("execute", () => group.write(stmt));
      return exclusive("execute", () => client.execute(stmt));
    },
    batch: (stmts, mode) => (mode === undefined || mode === "deferred" || mode === "write" ? refusingNested("batch", () => group.batch(stmts)) : exclusive("batch", () => client.batch(stmts, mode))),
    migrate: (stmts) => exclusive("migrate", () => client.migrate(stmts)),
    executeMultiple: (sql) => exclusive("executeMultiple", () => client.executeMultiple(sql)),
    sync: (): Promise<Replicated> => exclusive("sync", () => client.sync()),
    transaction(mode?: TransactionMode): Promise<Transaction> {
      try {
        refuseNestedUse("transaction");
      } catch (error) {
        return Promise.reject(error);
      }
      // The scope's fresh mark when started through createDb's transaction; otherwise mark the
      // caller's context synchronously, so its continuation (drizzle's callback) carries it.
      const scoped = marks.getStore();
      let mark: TransactionMark;
      if (scoped && !scoped.claimed) mark = scoped;
      else {
        mark = { holdsLock: false, claimed: false };
        marks.enterWith(mark);
      }
      mark.claimed = true;
      return beginTransaction(mark, mode);
    },
    close: () => client.close(),
    reconnect: () => client.reconnect(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  } as Client;
}

/** The transaction as given, releasing the lock once it commits, rolls back or closes. */
function holdUntilSettled(tx: Transaction, release: () => void): Transaction {
  return {
    execute: (stmt: InStatement) => tx.execute(stmt),
    batch: (stmts: InStatement[]) => tx.batch(stmts),
    executeMultiple: (sql: string) => tx.executeMultiple(sql),
    async commit() {
      try {
        await tx.commit();
      } finally {
        release();
      }
    },
    async rollback() {
      try {
        await tx.rollback();
      } finally {
        release();
      }
    },
    close() {
      try {
        tx.close();
      } finally {
        release();
      }
    },
    get closed() {
      return tx.closed;
    },
  };
}
