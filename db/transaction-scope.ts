/**
 * A hook a libSQL client may carry so that `createDb` can open each drizzle transaction in
 * its own async-context scope. The Node entry's queued file client uses it to know which
 * code runs inside which transaction (functions/platform/serialized-client.ts). A registered
 * symbol keeps this module free of Node imports, so the Worker bundle can share db/client.ts.
 */
export const TRANSACTION_SCOPE = Symbol.for("balance-portal.transaction-scope");

/** Runs `start` (which begins one transaction) in a scope of its own. */
export type TransactionScope = <T>(start: () => Promise<T>) => Promise<T>;

export function transactionScopeOf(client: object): TransactionScope | undefined {
  return (client as { [TRANSACTION_SCOPE]?: TransactionScope })[TRANSACTION_SCOPE];
}
