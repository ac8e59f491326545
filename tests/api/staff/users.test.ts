import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { UserView } from "../../../functions/services/staff/internal/user-view";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, post, sessionCookieOf, signInFully, totpCode } from "../../fixtures/staff";

describe("account management by an admin", () => {
  const tempDb = useTempDb();
  const setup = async () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    const env = buildStaffApp(tempDb(), { clock });
    const admin = await insertUser(tempDb().db, { role: "admin" });
    return { ...env, clock, admin, cookie: await signInFully(env.app, admin, clock.now()) };
  };

  it("invites a user with a one-time initial password that signs in and must enrol TOTP", async () => {
    const { app, cookie, clock } = await setup();
    const res = await post(app, "/api/staff/users", { email: " New.Officer@JYJ.example.gov.cn ", displayName: "新同事", role: "enrolment_officer" }, cookie);
    expect(res.status).toBe(201);
    const body = await res.json();
    const user = UserView.parse(body.user);
    expect(user).toMatchObject({ email: "new.officer@jyj.example.gov.cn", role: "enrolment_officer", status: "active", secondFactor: "not_enrolled" });
    expect(body.initialPassword).toMatch(/^[a-z2-7]{24}$/);
    const row = await tempDb().db.select().from(staffUsers).where(eq(staffUsers.id, user.id)).get();
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.passwordHash).not.toContain(body.initialPassword);

    clock.set("2026-09-01T08:01:00.000Z");
    const signIn = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: body.initialPassword });
    expect(await signIn.json()).toEqual({ next: "enrol" });
    const pending = sessionCookieOf(signIn);
    const { secret } = await (await post(app, "/api/staff/auth/second-factor/start", {}, pending)).json();
    const enrolled = await post(app, "/api/staff/auth/second-factor", { code: totpCode(secret, clock.now()) }, pending);
    expect(await enrolled.json()).toEqual({ next: "change_password" });

    // The one-time password must be replaced before the console opens.
    const changing = sessionCookieOf(enrolled);
    expect((await get(app, "/api/staff/me", changing)).status).toBe(401);
    const same = await post(app, "/api/staff/auth/password", { currentPassword: body.initialPassword, newPassword: body.initialPassword }, changing);
    expect(same.status).toBe(422);
    const common = await post(app, "/api/staff/auth/password", { currentPassword: body.initialPassword, newPassword: "password123" }, changing);
    expect(common.status).toBe(422);
    const changed = await post(app, "/api/staff/auth/password", { currentPassword: body.initialPassword, newPassword: "春天的青溪水很清" }, changing);
    expect(changed.status).toBe(200);
    const full = sessionCookieOf(changed);
    expect(full).not.toBe(changing);
    expect((await get(app, "/api/staff/me", full)).status).toBe(200);
    expect((await get(app, "/api/staff/me", changing)).status).toBe(401);

    // The initial password is spent.
    clock.set("2026-09-01T08:02:00.000Z");
    expect((await post(app, "/api/staff/auth/sign-in", { email: user.email, password: body.initialPassword })).status).toBe(401);
  });

  it("refuses fields the invitation may not set, a duplicate e-mail, and a liaison without a department", async () => {
    const { app, cookie, admin } = await setup();
    const extra = await post(app, "/api/staff/users", { email: "a@jyj.example.gov.cn", displayName: "甲", role: "admin", disabledAt: null }, cookie);
    expect(extra.status).toBe(422);
    const duplicate = await post(app, "/api/staff/users", { email: admin.email, displayName: "甲", role: "auditor" }, cookie);
    expect(duplicate.status).toBe(409);
    const liaison = await post(app, "/api/staff/users", { email: "b@jyj.example.gov.cn", displayName: "乙", role: "department_liaison" }, cookie);
    expect(liaison.status).toBe(422);
    expect((await liaison.json()).fields).toEqual([{ path: "department", message: "部门联络员必须选择所属部门" }]);
    expect((await tempDb().db.select().from(staffUsers).all()).length).toBe(1);
  });

  it("re-enables a disabled user, and resetting the second factor ends sessions and forces enrolment", async () => {
    const { app, cookie, clock } = await setup();
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    expect((await post(app, `/api/staff/users/${officer.id}/disable`, {}, cookie)).status).toBe(200);
    const enabled = await post(app, `/api/staff/users/${officer.id}/enable`, {}, cookie);
    expect(UserView.parse((await enabled.json()).user).status).toBe("active");

    clock.set("2026-09-01T08:02:00.000Z");
    const officerCookie = await signInFully(app, officer, clock.now());
    const reset = await post(app, `/api/staff/users/${officer.id}/reset-second-factor`, {}, cookie);
    expect(UserView.parse((await reset.json()).user).secondFactor).toBe("not_enrolled");
    expect((await get(app, "/api/staff/me", officerCookie)).status).toBe(401);
  });

  it("sets role and department, and refuses to disable or demote the acting admin", async () => {
    const { app, cookie, admin } = await setup();
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const patched = await app.request(`/api/staff/users/${officer.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ role: "department_liaison", department: "caizheng-ju" }),
    });
    expect(UserView.parse((await patched.json()).user)).toMatchObject({ role: "department_liaison", department: "caizheng-ju" });
    expect((await post(app, `/api/staff/users/${admin.id}/disable`, {}, cookie)).status).toBe(409);
  });

  it("answers 404 for an account id that does not exist", async () => {
    const { app, cookie } = await setup();
    const res = await post(app, "/api/staff/users/nosuchuser0000000000/disable", {}, cookie);
    expect(res.status).toBe(404);
  });
});
