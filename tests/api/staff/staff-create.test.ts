import { describe, expect, it } from "vitest";
import { staffUsers } from "../../../db/schema";
import { runStaffCreate } from "../../../functions/cli/staff-create-command";
import { verifyPassword } from "../../../functions/auth/password-hash";
import { useTempDb } from "../../fixtures/temp-db";

describe("npm run staff:create", () => {
  const tempDb = useTempDb();

  it("creates an account and prints a one-time password that verifies against the stored hash", async () => {
    const result = await runStaffCreate(["--email", "Chief@jyj.example.gov.cn", "--role", "admin", "--name", "王主任"], { LIBSQL_URL: tempDb().url });
    expect(result.code).toBe(0);
    const password = /：([a-z2-7]{24})$/.exec(result.lines[1]!)![1]!;
    const [row] = await tempDb().db.select().from(staffUsers).all();
    expect(row).toMatchObject({ email: "chief@jyj.example.gov.cn", role: "admin", displayName: "王主任", totpSecret: null });
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);
  });

  it("refuses an unknown role with a Chinese message and creates nothing", async () => {
    const result = await runStaffCreate(["--email", "a@jyj.example.gov.cn", "--role", "root"], { LIBSQL_URL: tempDb().url });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toBe("role: 请选择角色");
    expect(await tempDb().db.select().from(staffUsers).all()).toEqual([]);
  });
});
