/**
 * Recognises database errors that mean "another writer got there first" (a unique or primary
 * key violation, or SQLITE_BUSY from a concurrent writer on a remote libSQL server), through
 * drizzle's wrapper and the libSQL error's cause chain, so callers can re-read instead of
 * failing.
 */
export function isConflictError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? "");
    const message = String((e as { message?: unknown }).message ?? "");
    if (/SQLITE_CONSTRAINT|SQLITE_BUSY/.test(code) || /UNIQUE constraint failed|PRIMARY KEY|database is locked/i.test(message)) return true;
  }
  return false;
}
