import { describe, expect, it } from "vitest";
import { applications } from "../../../db/schema";
import { seedDemoData } from "../../../functions/cli/seed";
import { fieldKeysOf } from "../../../functions/platform/field-crypto";
import { openApplication } from "../../../functions/services/enrolment/internal/application-record";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import { intakePhases } from "../../../functions/services/enrolment/intake-phases";
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
    expect(result.lines.some((l) => /^受理编号RX2026-00001 \| 查询码[0-9A-Z-]{19}$/.test(l))).toBe(true);
  });

  it("leaves the demo in a sensible phase for today (2026-12-03): the window open, first round, no draw allowed", async () => {
    const secrets = testSecrets();
    const catalogue = await committedCatalogue();
    const now = new Date("2026-12-03T04:00:00Z");
    await seedDemoData(tempDb().db, now, { authSecret: secrets.AUTH_SECRET, enrolment: { keys: fieldKeysOf(secrets), catalogue } });
    const rows = await tempDb().db.select().from(applications);
    expect(rows.every((r) => r.round === 1)).toBe(true);
    const { grades } = await intakePhases({ ctx: { db: tempDb().db, clock: { now: () => now } }, input: { catalogue } });
    expect(grades.map((g) => [g.grade, g.phase, g.round])).toEqual([["1", "open", 1], ["7", "open", 1]]);
    expect(grades[0]!.drawRefusal).toContain("申请期尚未结束");
  });
});
