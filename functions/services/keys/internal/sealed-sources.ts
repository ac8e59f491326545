/**
 * Every place a value sealed with the data key lives (field-crypto sealField/sealBytes), for
 * the key check and the rotation: the sealed columns, the receipt codes kept sealed inside
 * idempotency results, and the files in the blob store. Each source reads its rows in rowid
 * order and turns each into sealed items: the value, the contexts it may be bound to (tried in
 * order) and how to write a re-sealed value back. The context strings repeat the ones the
 * services seal with (application-record, submit-application, submit-complaint, notify-filer,
 * enqueue-message, documents); tests/api/keys/rotate-keys.test.ts seals through the real
 * services and fails here if one drifts. A new sealed column must be added here.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import type { BlobStore } from "../../../deps";
import { sealedVersionOf } from "../../../platform/field-crypto";

/** The database or a transaction on it: what a column write runs on. */
export type Runner = Pick<Db, "run">;

export type SourceRow = { rowid: number } & Record<string, unknown>;

export type SealedItem = {
  sealed: string | Uint8Array;
  /** The contexts the value may be bound to, tried in order. */
  contexts: string[];
  /** Writes the re-sealed value back (a column through `on`, the rotation's transaction); false when the row changed meanwhile. */
  write(resealed: string | Uint8Array, on: Runner): Promise<boolean>;
};

export type SealedSource = {
  name: string;
  count(db: Db): Promise<number>;
  rows(db: Db, afterRowid: number, limit: number): Promise<SourceRow[]>;
  /** Blob sources give no items without a blob store (the start check samples only columns). */
  items(row: SourceRow, env: { db: Db; blobs?: BlobStore }): Promise<SealedItem[]>;
};

const SEALED_BLOB_TYPE = "application/octet-stream";

async function all(db: Db, query: SQL): Promise<SourceRow[]> {
  return (await db.all(query)) as SourceRow[];
}

async function changed(db: Runner, query: SQL): Promise<boolean> {
  const result = (await db.run(query)) as unknown as { rowsAffected: number };
  return result.rowsAffected > 0;
}

/** A text column holding one sealed string per row (`onlyIf`: a flag column that says the row's value is sealed). */
function column(table: string, name: string, contexts: (row: SourceRow) => string[], onlyIf?: string): SealedSource {
  const t = sql.raw(`"${table}"`);
  const c = sql.raw(`"${name}"`);
  const flag = sql.raw(onlyIf ? ` AND "${onlyIf}" = 1` : "");
  return {
    name: `${table}.${name}`,
    count: async (db) => Number((await all(db, sql`SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL${flag}`))[0]!.n),
    rows: (db, after, limit) => all(db, sql`SELECT rowid, id, ${c} AS value FROM ${t} WHERE rowid > ${after} AND ${c} IS NOT NULL${flag} ORDER BY rowid LIMIT ${limit}`),
    items: async (row) => {
      const value = String(row.value);
      return [{ sealed: value, contexts: contexts(row), write: (next, on) => changed(on, sql`UPDATE ${t} SET ${c} = ${next} WHERE rowid = ${row.rowid} AND ${c} = ${value}`) }];
    },
  };
}

/** The receipt codes that idempotent replays answer with, sealed inside the stored result. */
const RECEIPT_FIELDS: Record<string, { field: string; contexts: (r: Record<string, unknown>) => string[] }> = {
  "complaint.submit": { field: "codeSealed", contexts: (r) => [`complaint:${r.id}:receipt-code`] },
  "enrolment.submit": { field: "sealedCode", contexts: (r) => [`receipt:application:${r.applicationId}`, `receipt:${r.reference}`] },
};

const idempotencyResults: SealedSource = {
  name: "idempotency_keys.result_json",
  count: async (db) => Number((await all(db, sql`SELECT count(*) AS n FROM idempotency_keys WHERE scope IN ('complaint.submit', 'enrolment.submit')`))[0]!.n),
  rows: (db, after, limit) =>
    all(db, sql`SELECT rowid, scope, result_json AS value FROM idempotency_keys WHERE rowid > ${after} AND scope IN ('complaint.submit', 'enrolment.submit') ORDER BY rowid LIMIT ${limit}`),
  items: async (row) => {
    const spec = RECEIPT_FIELDS[String(row.scope)];
    const json = String(row.value);
    const result = JSON.parse(json) as Record<string, unknown> | null;
    const sealed = result?.[spec?.field ?? ""];
    if (!spec || !result || typeof sealed !== "string") return [];
    return [
      {
        sealed,
        contexts: spec.contexts(result),
        write: (next, on) => changed(on, sql`UPDATE idempotency_keys SET result_json = ${JSON.stringify({ ...result, [spec.field]: next })} WHERE rowid = ${row.rowid} AND result_json = ${json}`),
      },
    ];
  },
};

/** Files in the blob store, one per row, re-sealed in place (the file store renames atomically). */
function blobs(table: string, contextColumn: string | null, context: (row: SourceRow) => string): SealedSource {
  const t = sql.raw(`"${table}"`);
  const extra = sql.raw(contextColumn ? `, "${contextColumn}" AS seal_context` : "");
  return {
    name: `${table} (files)`,
    count: async (db) => Number((await all(db, sql`SELECT count(*) AS n FROM ${t}`))[0]!.n),
    rows: (db, after, limit) => all(db, sql`SELECT rowid, id, blob_key${extra} FROM ${t} WHERE rowid > ${after} ORDER BY rowid LIMIT ${limit}`),
    items: async (row, { blobs: store }) => {
      if (!store) return [];
      const key = String(row.blob_key);
      const blob = await store.get(key);
      if (!blob) throw new MissingBlobError(`${table} ${String(row.id)}: file ${key} is missing from the upload folder`);
      return [{ sealed: blob.bytes, contexts: [context(row)], write: async (next) => (await store.put(key, next as Uint8Array, SEALED_BLOB_TYPE), true) }];
    },
  };
}

export class MissingBlobError extends Error {
  override name = "MissingBlobError";
}

export const SEALED_SOURCES: readonly SealedSource[] = [
  column("applications", "personal", (r) => [`application:${r.id}:personal`]),
  column("applications", "sensitive", (r) => [`application:${r.id}:sensitive`]),
  column("complaints", "contact_sealed", (r) => [`complaint:${r.id}:contact`]),
  column("outbox_messages", "recipient_sealed", (r) => [`outbox:${r.id}:to`]),
  column("outbox_messages", "body", (r) => [`outbox:${r.id}:body`], "body_sealed"),
  idempotencyResults,
  blobs("application_documents", null, (r) => `application-document:${r.id}`),
  blobs("complaint_attachments", "seal_context", (r) => String(r.seal_context)),
];

export const versionOf = (item: SealedItem) => sealedVersionOf(item.sealed);
