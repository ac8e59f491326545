/**
 * Typed domain errors. Verbs throw these; the Hono app translates them to HTTP in one
 * `onError` (DESIGN.md convention 5). Messages are Chinese and safe to show to the public:
 * they never contain personal data (SECURITY.md item 11).
 */

export const DOMAIN_ERROR_CODES = [
  "validation",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "unavailable",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A field error in the shape the error summary renders: a path into the input and what to do. */
export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  /** Seconds the client should wait before retrying (rate limits, outages). */
  readonly retryAfter: number | undefined;

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { fields?: FieldError[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
  }
}
