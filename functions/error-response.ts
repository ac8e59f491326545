/**
 * The one place where errors become HTTP (DESIGN.md convention 5). Domain errors keep their
 * code and Chinese message; anything else is logged by request id and answered with a
 * generic message, so no stack, SQL or personal data ever reaches the client (SECURITY.md 11).
 */
import { DrizzleQueryError } from "drizzle-orm/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type DomainErrorCode, type FieldError } from "../src/domain/errors";
import type { AppDeps, Logger } from "./deps";
import { ERROR_PAGE_HEADING, errorPageMain } from "../src/forms/error-page";
import { isNoJsFormPost } from "./http/answer";
import { STATUS_OF } from "./http/status";
import { pageTitle } from "./platform/page-shell";
import { storageFaultOf } from "./platform/storage-fault";

export type ErrorBody = { code: DomainErrorCode | "internal"; message: string; requestId: string; fields?: FieldError[] };

export function errorResponse(c: Context, error: DomainError) {
  const body: ErrorBody = { code: error.code, message: error.message, requestId: c.get("requestId") };
  if (error.fields.length > 0) body.fields = error.fields;
  if (error.retryAfter !== undefined) c.header("Retry-After", String(error.retryAfter));
  return c.json(body, STATUS_OF[error.code]);
}

/**
 * A plain HTML form post (no JavaScript) gets its error as a page in the site's frame rather
 * than JSON it could not show (the one rule of functions/http/answer); everyone else gets
 * `errorResponse`'s JSON.
 */
async function answerError(c: Context, error: DomainError, status: ContentfulStatusCode = STATUS_OF[error.code]): Promise<Response> {
  const shell = (c.get("deps") as AppDeps | undefined)?.pageShell;
  if (!shell || !isNoJsFormPost(c.req.raw)) {
    if (status === STATUS_OF[error.code]) return errorResponse(c, error);
    return c.json({ code: "internal", message: error.message, requestId: c.get("requestId") } satisfies ErrorBody, status);
  }
  const requestId: string = c.get("requestId");
  const page = await shell.render({ title: pageTitle(ERROR_PAGE_HEADING, true), status, main: errorPageMain({ message: error.message, requestId }) });
  if (error.retryAfter !== undefined) page.headers.set("Retry-After", String(error.retryAfter));
  // A Response built outside `c` does not carry what `c.header` prepared (the request id).
  page.headers.set("X-Request-Id", requestId);
  return page;
}

/** Errors Hono's own middleware throws (body limit, malformed JSON), in the domain's words. */
function fromHttpException(error: HTTPException): DomainError | null {
  switch (error.status) {
    case 400:
      return new DomainError("validation", "请求格式不正确，请检查后重新提交。");
    case 413:
      return new DomainError("payload_too_large", "提交的内容太大，请减少内容或附件后重试。");
    case 415:
      return new DomainError("unsupported_media_type", "不支持这种提交格式。");
    default:
      return null;
  }
}

/**
 * A query that failed below SQL: the database could not be reached (a network failure:
 * a TypeError on Node, a plain "Network connection lost" in workerd, a libSQL server or
 * Hrana error) or was busy. The request is answered 503 with Retry-After, never a half-done
 * success, and a protected route fails closed (SECURITY.md item 18). So is a storage fault
 * (SQLITE_FULL, _READONLY, _IOERR, _CANTOPEN, or the blob store refusing a write). A SQL
 * error proper (constraint, trigger, syntax) stays a 500.
 */
function databaseUnavailable(error: Error): DomainError | null {
  // A storage fault (disk full, read-only, I/O error, blob store refused: platform/storage-fault) is an outage too.
  const fault = storageFaultOf(error);
  if (fault) return new DomainError("unavailable", "服务暂时不可用，请稍后再试。", { retryAfter: fault.retryAfter, cause: fault });
  if (!(error instanceof DrizzleQueryError)) return null;
  // A transaction callback that used the outer client (functions/platform/serialized-client):
  // a bug in our code, not an outage, so it stays a 500. Matched by name to keep this file
  // free of Node-only imports (the Worker bundles it too).
  if (error.cause instanceof Error && error.cause.name === "NestedDatabaseUseError") return null;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  const sqlError = typeof code === "string" && code.startsWith("SQLITE_") && !code.startsWith("SQLITE_BUSY");
  return sqlError ? null : new DomainError("unavailable", "服务暂时不可用，请稍后再试。", { retryAfter: 30 });
}

const INTERNAL_MESSAGE = "服务器出现问题，请稍后再试。如需帮助，请提供请求编号。";

export function handleError(log: Logger) {
  return async (error: Error, c: Context): Promise<Response> => {
    if (error instanceof DomainError) return answerError(c, error);
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      log.error("request.database_unavailable", { requestId: c.get("requestId"), path: c.req.path });
      return answerError(c, unavailable);
    }
    const known = error instanceof HTTPException ? fromHttpException(error) : null;
    if (known) return answerError(c, known);
    const requestId: string = c.get("requestId");
    log.error("request.failed", { requestId, name: error.name, path: c.req.path });
    return answerError(c, new DomainError("unavailable", INTERNAL_MESSAGE), 500);
  };
}
