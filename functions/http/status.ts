/**
 * Each domain error code's HTTP status, in one table: the JSON error body, the error page
 * and a form shown again with its refusal all answer with the same status for the same code.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { DomainErrorCode } from "../../src/domain/errors";

export const STATUS_OF: Record<DomainErrorCode, ContentfulStatusCode> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
};
