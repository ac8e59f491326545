/**
 * Demo data for a new database. It runs only when the database has never been seeded
 * (no `demo_seeded_at` in app_meta), inside one transaction, so a restart never seeds twice
 * and never touches real data. Features add their own demo rows here (synthetic people,
 * valid-checksum fake IDs); credentials they create are printed once, on this first run.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { appMeta } from "./schema";

export const DEMO_SEED_KEY = "demo_seeded_at";
/** Bumped when the demo data changes shape, so a report can say which demo a database holds. */
export const DEMO_SEED_VERSION = "1";

export type SeedResult = { seeded: boolean; lines: string[] };

export async function seedDemoData(db: Db, now: Date): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const done = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_SEED_KEY)).get();
    if (done) return { seeded: false, lines: [] };
    const at = now.toISOString();
    await tx.insert(appMeta).values([
      { key: DEMO_SEED_KEY, value: at, updatedAt: at },
      { key: "demo_seed_version", value: DEMO_SEED_VERSION, updatedAt: at },
    ]);
    return { seeded: true, lines: [`演示数据已写入（版本 ${DEMO_SEED_VERSION}）。`] };
  });
}
