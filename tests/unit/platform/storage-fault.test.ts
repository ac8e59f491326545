/** The one classification of storage faults: SQLite codes and blob store errnos to operator codes; anything else is not a storage fault. */
import { DrizzleQueryError } from "drizzle-orm/errors";
import { LibsqlError } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { BlobStoreError, blobCall, storageFaultOf, STORAGE_FAULT_ACTIONS, STORAGE_FAULT_CODES } from "../../../functions/platform/storage-fault";

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code, syscall: "open" });
const sqlite = (code: string, extended = code) => new DrizzleQueryError("insert into x values (?)", [], new LibsqlError("failed", code, extended, 0));

describe("storageFaultOf", () => {
  it.each([
    ["SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "storage.read_only"],
    ["SQLITE_FULL", "SQLITE_FULL", "storage.full"],
    ["SQLITE_IOERR", "SQLITE_IOERR_FSYNC", "storage.io_error"],
    ["SQLITE_CANTOPEN", "SQLITE_CANTOPEN", "storage.cannot_open"],
  ])("reads %s (%s) through drizzle's wrapper as %s, from the database", (code, extended, expected) => {
    expect(storageFaultOf(sqlite(code, extended))).toMatchObject({ code: expected, store: "database", detail: extended });
  });

  it.each([
    ["put", "ENOSPC", "storage.full"],
    ["put", "EDQUOT", "storage.full"],
    ["put", "EROFS", "storage.read_only"],
    ["put", "EIO", "storage.io_error"],
    ["put", "EACCES", "storage.blob_write_failed"],
    ["delete", "EPERM", "storage.blob_write_failed"],
    ["get", "EACCES", "storage.blob_read_failed"],
  ] as const)("reads a blob %s failing with %s as %s", async (operation, code, expected) => {
    const error = await blobCall(operation, () => Promise.reject(errno(code))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStoreError);
    expect(storageFaultOf(error)).toMatchObject({ code: expected, store: "blobs", detail: code });
  });

  it("reads any other blob store failure (R2) as a blob write failure, and wraps a wrapped error once", async () => {
    const error = await blobCall("put", () => blobCall("put", () => Promise.reject(new TypeError("network")))).catch((e: unknown) => e);
    expect((error as BlobStoreError).cause).toBeInstanceOf(TypeError);
    expect(storageFaultOf(error)).toMatchObject({ code: "storage.blob_write_failed", detail: "TypeError" });
  });

  it("is null for what is not a storage fault: a constraint, a busy database, a plain error", () => {
    expect(storageFaultOf(sqlite("SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageFaultOf(sqlite("SQLITE_BUSY"))).toBeNull();
    expect(storageFaultOf(new Error("x"))).toBeNull();
    expect(storageFaultOf(errno("ENOSPC"))).toBeNull();
  });

  it("reads the Worker's key mismatch as a database fault, whoever wrapped it", () => {
    const mismatch = Object.assign(new Error("Refusing: the configured keys do not match"), { name: "KeyMismatchError" });
    expect(storageFaultOf(new Error("wrapped", { cause: mismatch }))).toMatchObject({ code: "storage.keys_mismatch", store: "database" });
  });

  it("tells the operator what to do for every code", () => {
    for (const code of STORAGE_FAULT_CODES) expect(STORAGE_FAULT_ACTIONS[code].length).toBeGreaterThan(20);
  });
});
