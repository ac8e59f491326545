/**
 * Logs a request that failed on storage under the fault's own code (`storage.full`,
 * `storage.read_only`, `storage.blob_write_failed`…, platform/storage-fault), with the store,
 * the errno or SQLite code, the request id and what to check, so an operator reading the log
 * knows what to fix. It reads `c.error` after the app's onError has answered the request (503 with
 * Retry-After), and logs nothing personal.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { STORAGE_FAULT_ACTIONS, storageFaultOf } from "../platform/storage-fault";

export const logStorageFaults: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const fault = c.error ? storageFaultOf(c.error) : null;
  if (fault) c.var.deps.log.error(fault.code, { requestId: c.var.requestId, path: c.req.path, store: fault.store, detail: fault.detail, hint: STORAGE_FAULT_ACTIONS[fault.code] });
};
