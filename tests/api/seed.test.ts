import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { appMeta, staffUsers } from "../../db/schema";
import { verifyPassword } from "../../functions/auth/password-hash";
import { STAFF_ROLES } from "../../src/domain/staff/roles";
import { DEMO_SEED_KEY, seedDemoData } from "../../functions/cli/seed";
import { useTempDb } from "../fixtures/temp-db";
import { testSecrets } from "../fixtures/test-app";
import { openSecret } from "../../functions/auth/secret-box";

const seedKey = { authSecret: testSecrets().AUTH_SECRET };

describe("migrations and the demo seed", () => {
  const tempDb = useTempDb();

  it("writes demo data into an empty database once, and never again", async () => {
    const first = await seedDemoData(tempDb().db, new Date("2026-09-01T00:00:00Z"), seedKey);
    expect(first.seeded).toBe(true);
    const second = await seedDemoData(tempDb().db, new Date("2026-09-02T00:00:00Z"), seedKey);
    expect(second).toEqual({ seeded: false, lines: [] });
    const rows = await tempDb().db.select().from(appMeta).all();
    expect(rows.find((r) => r.key === DEMO_SEED_KEY)?.value).toBe("2026-09-01T00:00:00.000Z");
  });

  it("re-running the migrations on a migrated database keeps its data", async () => {
    await seedDemoData(tempDb().db, new Date("2026-09-01T00:00:00Z"), seedKey);
    const reopened = createClient({ url: tempDb().url });
    const db = createDb(reopened);
    await migrateDatabase(db);
    expect((await db.select().from(appMeta).all()).length).toBeGreaterThan(0);
    reopened.close();
  });
});

describe("demo staff accounts", () => {
  const tempDb = useTempDb();

  it("creates one account per role and prints each password and TOTP secret on the first run only", async () => {
    const first = await seedDemoData(tempDb().db, new Date("2026-09-01T00:00:00Z"), seedKey);
    const users = await tempDb().db.select().from(staffUsers).all();
    expect(users.map((u) => u.role).sort()).toEqual([...STAFF_ROLES].sort());
    for (const user of users) {
      const line = first.lines.find((l) => l.includes(user.email));
      const [, , password, secret] = line!.split(" | ");
      expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
      // Stored sealed, never as the printed text.
      expect(user.totpSecret).toMatch(/^v1\./);
      expect(await openSecret(seedKey.authSecret, user.id, user.totpSecret!)).toBe(secret);
      expect(user.totpConfirmedAt).toBeNull();
    }
    const second = await seedDemoData(tempDb().db, new Date("2026-09-02T00:00:00Z"), seedKey);
    expect(second.lines).toEqual([]);
    expect((await tempDb().db.select().from(staffUsers).all()).length).toBe(STAFF_ROLES.length);
  });
});
