import { describe, expect, it } from "vitest";
import { applications } from "../../../db/schema";
import { seedDemoData } from "../../../functions/cli/seed";
import { fieldKeysOf } from "../../../functions/platform/field-crypto";
import { openApplication } from "../../../functions/services/enrolment/internal/application-record";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import { useTempDb } from "../../fixtures/temp-db";
import { committedCatalogue } from "../../fixtures/enrolment";
import { testSecrets } from "../../fixtures/test-app";

const tempDb = useTempDb();

describe("the enrolment demo seed", () => {
  it("writes synthetic applications that open and pass the schema (valid-checksum IDs), none eligible yet, and prints one access code", async () => {
    const secrets = testSecrets();
    const keys = fieldKeysOf(secrets);
    const catalogue = await committedCatalogue();
    const result = await seedDemoData(tempDb().db, new Date("2026-11-29T00:00:00Z"), { authSecret: secrets.AUTH_SECRET, enrolment: { keys, catalogue } });
    const rows = await tempDb().db.select().from(applications);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => r.state === "eligible")).toBe(false);
    const schema = applicationSchema(catalogue);
    for (const row of rows) {
      const draft = await openApplication(keys, row);
      const parsed = schema.safeParse({ ...draft, consents: { childData: "yes", declaration: "yes" } });
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(draft.child.idNumber.startsWith("330802")).toBe(true);
    }
    expect(result.lines.some((l) => /^受理编号 RX2026-00001 \| 查询码 [0-9A-Z-]{19}$/.test(l))).toBe(true);
  });
});
