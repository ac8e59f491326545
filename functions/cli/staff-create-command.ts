/**
 * `npm run staff:create -- --email … --role … [--name …] [--department …]`: creates a staff
 * account on the database in LIBSQL_URL and prints its one-time initial password, once.
 * There are no default accounts; this (or an admin's invitation) is how the first admin
 * comes to exist. The user enrols TOTP at first sign-in. Split from the script so a test
 * can run it against a temporary database.
 */
import { parseArgs } from "node:util";
import { createDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { DomainError } from "../../src/domain/errors";
import { STAFF_ROLES } from "../../src/domain/staff/roles";
import { InviteUserInput } from "../../src/domain/staff/schemas";
import { systemClock } from "../deps";
import { insertStaffUser } from "../services/staff/internal/insert-staff-user";
import { parseInput } from "../validate";
import { openNodeLibsqlClient } from "../platform/node-libsql-client";

export const USAGE = `Usage: npm run staff:create -- --email <e-mail> --role <${STAFF_ROLES.join("|")}> [--name <姓名>] [--department <code>]`;

export async function runStaffCreate(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; lines: string[] }> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, department: { type: "string" } } }));
  } catch (error) {
    return { code: 2, lines: [(error as Error).message, USAGE] };
  }
  const url = env.LIBSQL_URL ?? "file:db/local.db";
  const client = await openNodeLibsqlClient(url, env.LIBSQL_AUTH_TOKEN);
  try {
    const input = parseInput(InviteUserInput, {
      email: values.email,
      role: values.role,
      displayName: values.name ?? (typeof values.email === "string" ? values.email.split("@")[0] : undefined),
      department: values.department ?? null,
    });
    const db = createDb(client);
    await migrateDatabase(db);
    const log = { info: () => {}, error: () => {} };
    const { user, initialPassword } = await insertStaffUser({ ctx: { db, clock: systemClock, log, requestId: "cli-staff-create" }, input, actor: null });
    return {
      code: 0,
      lines: [
        `已创建账户${user.email}（${user.role}${user.department ? `，${user.department}` : ""}）。`,
        `一次性初始密码（只显示这一次，请当面或通过安全渠道交给本人）：${initialPassword}`,
        "首次登录时须绑定验证器应用（TOTP）。",
      ],
    };
  } catch (error) {
    if (error instanceof DomainError) return { code: 1, lines: [...error.fields.map((f) => `${f.path}: ${f.message}`), ...(error.fields.length ? [] : [error.message]), USAGE] };
    throw error;
  } finally {
    client.close();
  }
}
