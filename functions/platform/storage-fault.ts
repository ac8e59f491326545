/**
 * Storage faults, classified once: an error from the database (a libSQL `SQLITE_*` code for an
 * I/O error, a full disk, a read-only or unopenable file) or from the blob store (a
 * `BlobStoreError`, wrapping ENOSPC, EACCES, EROFS, EIO on the file store or any R2 failure)
 * becomes a code an operator can act on (`storage.full`: free disk space; `storage.read_only`:
 * the file system or file was made read-only; …). The app answers such a request 503 with
 * Retry-After (error-response's databaseUnavailable) instead of a 500, and logs the code
 * (middleware/storage-fault-log); the health route uses the same words. Free of Node-only
 * imports: the Worker bundles it too.
 */

export const STORAGE_FAULT_CODES = [
  "storage.read_only",
  "storage.full",
  "storage.io_error",
  "storage.cannot_open",
  "storage.blob_write_failed",
  "storage.blob_read_failed",
  "storage.keys_mismatch",
] as const;
export type StorageFaultCode = (typeof STORAGE_FAULT_CODES)[number];

export type StorageFault = { code: StorageFaultCode; store: "database" | "blobs"; detail: string; retryAfter: number };

/** What to do, per code, for the operator reading the log or the health answer. */
export const STORAGE_FAULT_ACTIONS: Record<StorageFaultCode, string> = {
  "storage.read_only": "the database file, its folder or the uploads folder is read-only (permissions, or the file system was remounted read-only after an error): check `mount` and the owner of LIBSQL_URL's folder and UPLOAD_DIR",
  "storage.full": "the disk holding the database or UPLOAD_DIR is full: free space (df -h), then requests succeed again without a restart",
  "storage.io_error": "the disk reported an I/O error: check the kernel log (dmesg) and the disk; restore from backup if the file is damaged",
  "storage.cannot_open": "the database file cannot be opened: check that LIBSQL_URL's folder exists and is writable by the service user",
  "storage.blob_write_failed": "the blob store refused a write (UPLOAD_DIR not writable by the service user, or R2 unavailable): check the folder's owner and mode, or the R2 binding",
  "storage.blob_read_failed": "the blob store refused a read (UPLOAD_DIR unreadable, or R2 unavailable)",
  "storage.keys_mismatch": "the configured DATA_KEY, INDEX_KEY or AUTH_SECRET is not the key this database's data was sealed with (the fingerprints in app_meta): set the original keys (`npx wrangler secret put`, or the environment), never new ones",
};

/** Wraps what a blob store's backend threw, naming the operation; its `cause` keeps the errno (ENOSPC…). */
export class BlobStoreError extends Error {
  override name = "BlobStoreError";
  constructor(
    readonly operation: "put" | "get" | "delete" | "list",
    cause: unknown,
  ) {
    super(`blob store ${operation} failed`, { cause });
  }
}

/** Runs a blob store's backend call, wrapping whatever it throws as a BlobStoreError. */
export async function blobCall<T>(operation: BlobStoreError["operation"], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof BlobStoreError ? error : new BlobStoreError(operation, error);
  }
}

const RETRY_AFTER_SECONDS = 60;

const fault = (code: StorageFaultCode, store: StorageFault["store"], detail: string): StorageFault => ({ code, store, detail, retryAfter: RETRY_AFTER_SECONDS });

function fromSqlite(code: string): StorageFaultCode | null {
  if (code.startsWith("SQLITE_READONLY")) return "storage.read_only";
  if (code === "SQLITE_FULL") return "storage.full";
  if (code.startsWith("SQLITE_IOERR")) return "storage.io_error";
  if (code.startsWith("SQLITE_CANTOPEN")) return "storage.cannot_open";
  return null;
}

function fromErrno(errno: string, operation: BlobStoreError["operation"]): StorageFaultCode {
  if (errno === "ENOSPC" || errno === "EDQUOT") return "storage.full";
  if (errno === "EROFS") return "storage.read_only";
  if (errno === "EIO") return "storage.io_error";
  return operation === "get" ? "storage.blob_read_failed" : "storage.blob_write_failed";
}

/** The storage fault behind `error` (looked for along its cause chain), or null when it is something else. */
export function storageFaultOf(error: unknown): StorageFault | null {
  let blob: BlobStoreError | undefined;
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof BlobStoreError || (e as { name?: unknown }).name === "BlobStoreError") blob ??= e as BlobStoreError;
    // The Worker's key check (services/keys, matched by name: this file imports no service): nothing may be written.
    if ((e as { name?: unknown }).name === "KeyMismatchError") return fault("storage.keys_mismatch", "database", "KeyMismatchError");
    const code = (e as { code?: unknown }).code;
    const extended = (e as { extendedCode?: unknown }).extendedCode;
    const sqlite = typeof extended === "string" ? extended : typeof code === "string" ? code : "";
    const fromDb = sqlite.startsWith("SQLITE_") ? fromSqlite(sqlite) : null;
    if (fromDb) return fault(fromDb, "database", sqlite);
    if (blob && typeof code === "string" && /^E[A-Z]+$/.test(code)) return fault(fromErrno(code, blob.operation), "blobs", code);
  }
  if (blob) return fault(blob.operation === "get" ? "storage.blob_read_failed" : "storage.blob_write_failed", "blobs", (blob.cause as Error | undefined)?.name ?? "unknown");
  return null;
}
