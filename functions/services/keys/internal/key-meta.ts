/**
 * The key facts a database keeps about itself in `app_meta` (never key material): one
 * fingerprint per key role, `keys.index`, `keys.auth` and `keys.data.<version>` for every
 * data key version that may still have sealed values, plus `keys.rotation`, the progress of
 * an unfinished re-encryption. Read by the start check and the rotation, written only there.
 */
import { eq, like } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { appMeta } from "../../../../db/schema";
import { keyFingerprint } from "../../../platform/key-fingerprint";
import { currentVersion, type FieldKeys } from "../../../platform/field-crypto";

export const DATA_PREFIX = "keys.data.";
export const ROTATION_KEY = "keys.rotation";

export type Fingerprints = { index?: string; auth?: string; data: Record<string, string> };

type Writer = Pick<Db, "insert">;

export async function readFingerprints(db: Pick<Db, "select">): Promise<Fingerprints> {
  const rows = await db.select().from(appMeta).where(like(appMeta.key, "keys.%"));
  const out: Fingerprints = { data: {} };
  for (const { key, value } of rows) {
    if (key === "keys.index") out.index = value;
    else if (key === "keys.auth") out.auth = value;
    else if (key.startsWith(DATA_PREFIX)) out.data[key.slice(DATA_PREFIX.length)] = value;
  }
  return out;
}

/** The fingerprints of the configured keys: the current data key and every previous one. */
export async function configuredFingerprints(keys: FieldKeys, authSecret: string): Promise<Required<Fingerprints>> {
  const data: Record<string, string> = { [currentVersion(keys)]: await keyFingerprint(keys.dataKey, `data:${currentVersion(keys)}`) };
  for (const [version, secret] of Object.entries(keys.previousDataKeys ?? {})) data[version] = await keyFingerprint(secret, `data:${version}`);
  return { index: await keyFingerprint(keys.indexKey, "index"), auth: await keyFingerprint(authSecret, "auth"), data };
}

export async function writeMeta(db: Writer, key: string, value: string, at: Date): Promise<void> {
  const updatedAt = at.toISOString();
  await db.insert(appMeta).values({ key, value, updatedAt }).onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt } });
}

export async function deleteMeta(db: Pick<Db, "delete">, key: string): Promise<void> {
  await db.delete(appMeta).where(eq(appMeta.key, key));
}

export async function readMeta(db: Pick<Db, "select">, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, key));
  return row?.value;
}
