/**
 * What `createApp` receives. Everything that touches the outside world comes in here, so
 * the same app runs on Node and on Workers, and tests swap in a fake clock or a real temp
 * database without touching the code under test.
 */
import type { Db } from "../db/client";
import type { AppConfig } from "./config";
import type { ClientAddress } from "./platform/client-address";
import type { PageShell } from "./platform/page-shell";
import type { CatalogueSource } from "./platform/catalogue-source";

/**
 * The time, and a way to wait: `sleep` is how a verb slows a request (the receipt check's
 * per-reference delay); a test clock records the wait instead of spending it. A clock without
 * `sleep` waits on a real timer.
 */
export type Clock = { now(): Date; sleep?(ms: number): Promise<void> };
export const systemClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };

/** One page of a blob store's keys; pass `cursor` back for the next page (absent on the last). */
export type BlobPage = { blobs: { key: string; modifiedAt: Date }[]; cursor?: string };

/**
 * Uploaded files: a local folder on Node, R2 on Workers. Keys are random, never user input.
 * A failure of the backend is thrown as platform/storage-fault's BlobStoreError (answered 503).
 */
export type BlobStore = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** Every stored key with when it was last written, a page at a time (the orphan sweep). */
  list(page?: { cursor?: string }): Promise<BlobPage>;
};

/**
 * A message to a family or complainant (SMS or e-mail), sent through a transport. `dedupeId`
 * is the same on every attempt at one message (its outbox id): a provider passes it on as
 * its idempotency key, so a resend after a crash between send and mark is delivered once.
 */
export type OutgoingMessage = { to: string; channel: "sms" | "email"; subject: string; body: string; dedupeId: string };
/** `transport` names the provider ("log" for the development transport, which sends nothing). */
export type Mailer = { send(message: OutgoingMessage): Promise<void>; readonly transport?: string };

/** Structured logs. Callers pass codes and ids only: never names, ID numbers or free text. */
export type Logger = {
  info(event: string, fields?: Record<string, string | number | boolean>): void;
  error(event: string, fields?: Record<string, string | number | boolean>): void;
};

export type AppDeps = {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  config: AppConfig;
  /** The client's network address for rate limits (see platform/client-address). Pass `c` when you have it. */
  clientAddress: ClientAddress;
  /** The Astro-built shell page that no-JS form answers are rendered into (platform/page-shell). */
  pageShell: PageShell;
  /** The current enrolment intake as published (content/intakes), for the enrolment API. */
  catalogue: CatalogueSource;
  /**
   * The Worker's key check (worker-key-check.ts), run before an API request touches the
   * database; throws KeyMismatchError for keys the data was not sealed with. Absent on Node,
   * whose entry checks the keys once at start (open-database.ts).
   */
  keyCheck?: () => Promise<void>;
};
