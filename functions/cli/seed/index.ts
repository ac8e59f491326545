/**
 * Demo data for a new database. It runs only when the database has never been seeded
 * (no `demo_seeded_at` in app_meta), inside one transaction, so a restart never seeds twice
 * and never touches real data. Features add their own demo rows here (synthetic people,
 * valid-checksum fake IDs); credentials they create are printed once, on this first run:
 * one staff account per role, with its initial password and its TOTP secret.
 */
import { eq } from "drizzle-orm";
import { newTotpSecret } from "../../auth/totp";
import { insertStaffUser } from "../../services/staff/internal/insert-staff-user";
import { STAFF_ROLE_LABELS, STAFF_ROLES } from "../../../src/domain/staff/roles";
import type { Db } from "../../../db/client";
import { appMeta } from "../../../db/schema";
import { seedEnrolmentDemo } from "./enrolment";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { FieldKeys } from "../../platform/field-crypto";
import { seedDemoComplaints } from "./complaints";

export const DEMO_SEED_KEY = "demo_seeded_at";
/** Bumped when the demo data changes shape, so a report can say which demo a database holds. */
export const DEMO_SEED_VERSION = "3";

/** One demo account per role; the liaison belongs to the finance bureau. */
export const DEMO_STAFF = STAFF_ROLES.map((role) => ({
  email: `${role.replaceAll("_", "-")}@demo.qingxi.example.gov.cn`,
  displayName: `演示${STAFF_ROLE_LABELS[role]}`,
  role,
  department: role === "department_liaison" ? ("caizheng-ju" as const) : null,
}));

export type SeedResult = { seeded: boolean; lines: string[] };

/**
 * `authSecret` seals the demo accounts' TOTP secrets, as the app will open them (AUTH_SECRET);
 * with `enrolment` (the field keys and the current intake) demo applications are added too.
 */
export async function seedDemoData(
  db: Db,
  now: Date,
  { authSecret, enrolment }: { authSecret: string; enrolment?: { keys: FieldKeys; catalogue: Catalogue } },
): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const done = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_SEED_KEY)).get();
    if (done) return { seeded: false, lines: [] };
    const at = now.toISOString();
    await tx.insert(appMeta).values([
      { key: DEMO_SEED_KEY, value: at, updatedAt: at },
      { key: "demo_seed_version", value: DEMO_SEED_VERSION, updatedAt: at },
    ]);
    const lines = [`演示数据已写入（版本${DEMO_SEED_VERSION}）。`, "", "演示工作人员账户（只显示这一次；首次登录时用TOTP密钥在验证器应用中绑定）：", "角色 | 电子邮箱 | 初始密码 | TOTP密钥"];
    const ctx = { db, clock: { now: () => now }, log: { info: () => {}, error: () => {} }, requestId: "demo-seed" };
    for (const input of DEMO_STAFF) {
      const totpSecret = newTotpSecret();
      const { initialPassword } = await insertStaffUser({ ctx, input, actor: null, totpSecret: { secret: totpSecret, authSecret }, tx });
      lines.push(`${STAFF_ROLE_LABELS[input.role]} | ${input.email} | ${initialPassword} | ${totpSecret}`);
    }
    if (enrolment) lines.push(...(await seedEnrolmentDemo(tx, { ...enrolment, now })));
    lines.push(...(await seedDemoComplaints(tx, now)));
    return { seeded: true, lines };
  });
}
