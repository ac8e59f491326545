import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, post, sessionCookieOf, signInFully, TEST_PASSWORD, totpCode } from "../../fixtures/staff";

const T0 = "2026-09-01T08:00:00.000Z";
const later = (minutes: number) => new Date(new Date(T0).getTime() + minutes * 60_000).toISOString();

describe("staff sign-in", () => {
  const tempDb = useTempDb();
  const setup = () => {
    const clock = fixedClock(T0);
    return { clock, ...buildStaffApp(tempDb(), { clock }) };
  };

  it("sets a __Host- session cookie that is Secure, HttpOnly, SameSite=Strict, path / and has no Domain", async () => {
    const { app } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const res = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ next: "verify" });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-staff_session="))!;
    const attributes = cookie.split(";").slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=strict", "path=/"]));
    expect(attributes.some((a) => a.startsWith("domain"))).toBe(false);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const { app } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const unknown = await post(app, "/api/staff/auth/sign-in", { email: "nobody@jyj.example.gov.cn", password: TEST_PASSWORD });
    const wrong = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: "not the password" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(await unknown.json())).toEqual(strip(await wrong.json()));
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("locks an account after 5 failures in 15 minutes, even for the right password, and unlocks after the window", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    for (let i = 0; i < 5; i++) {
      clock.set(later(i));
      expect((await post(app, "/api/staff/auth/sign-in", { email: user.email, password: `wrong ${i}` })).status).toBe(401);
    }
    clock.set(later(5));
    const locked = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    // The first failure (minute 0) leaves the window at minute 15: 10 minutes from now.
    expect(Number(locked.headers.get("Retry-After"))).toBe(600);
    clock.set(later(15.01));
    expect((await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it("checks at most 5 passwords for one account even when guesses arrive in parallel", async () => {
    const { app } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(app, "/api/staff/auth/sign-in", { email: user.email, password: `guess ${i}` })),
    );
    const statuses = answers.map((r) => r.status);
    // Five were checked and refused; the other seven were refused unchecked, as locked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const failures = await tempDb().client.execute("select count(*) as n from staff_login_failures");
    expect(Number(failures.rows[0]!.n)).toBe(5);
  });

  it("locks an unknown e-mail the same way, so lockout does not reveal which accounts exist", async () => {
    const { app } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const results: Array<[number, unknown]> = [];
    for (const email of [user.email, "ghost@jyj.example.gov.cn"]) {
      for (let i = 0; i < 5; i++) await post(app, "/api/staff/auth/sign-in", { email, password: "wrong password" });
      const res = await post(app, "/api/staff/auth/sign-in", { email, password: "wrong password" });
      results.push([res.status, { ...(await res.json()), requestId: undefined }]);
    }
    expect(results[0]![0]).toBe(429);
    expect(results[1]).toEqual(results[0]);
  });

  it("counts the failures in the database, so a new app instance on the same database stays locked", async () => {
    const { app } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    for (let i = 0; i < 5; i++) await post(app, "/api/staff/auth/sign-in", { email: user.email, password: "wrong password" });
    const fresh = buildStaffApp(tempDb(), { clock: fixedClock(T0) }).app;
    expect((await post(fresh, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD })).status).toBe(429);
  });

  it("on first sign-in asks for enrolment with the secret and an otpauth URI, then issues a new token on a correct code", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "auditor", enrolled: false });
    const first = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(await first.json()).toEqual({ next: "enrol" });
    const pending = sessionCookieOf(first);
    // Half signed in: no page data yet.
    expect((await get(app, "/api/staff/me", pending)).status).toBe(401);
    const state = await (await post(app, "/api/staff/auth/second-factor/start", {}, pending)).json();
    expect(state.mode).toBe("enrol");
    expect(state.secret).toBe(user.secret);
    const stored = await tempDb().client.execute({ sql: "select totp_secret from staff_users where id = ?", args: [user.id] });
    expect(String(stored.rows[0]!.totp_secret)).toMatch(/^v1\./);
    expect(String(stored.rows[0]!.totp_secret)).not.toContain(user.secret);
    expect(state.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const done = await post(app, "/api/staff/auth/second-factor", { code: totpCode(state.secret, clock.now()) }, pending);
    expect(done.status).toBe(200);
    const full = sessionCookieOf(done);
    expect(full).not.toBe(pending);
    expect((await get(app, "/api/staff/me", full)).status).toBe(200);
    // The pending token died with the step it served.
    expect((await post(app, "/api/staff/auth/second-factor/start", {}, pending)).status).toBe(401);
  });

  it("refuses a TOTP code the second time, even within its 30-second window", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const code = totpCode(user.secret, clock.now());
    const first = sessionCookieOf(await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD }));
    expect((await post(app, "/api/staff/auth/second-factor", { code }, first)).status).toBe(200);
    clock.set(later(0.1));
    const second = sessionCookieOf(await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD }));
    const replay = await post(app, "/api/staff/auth/second-factor", { code }, second);
    expect(replay.status).toBe(422);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith("__Host-staff_session=") && !c.includes("Max-Age=0"))).toBe(false);
    clock.set(later(0.6));
    expect((await post(app, "/api/staff/auth/second-factor", { code: totpCode(user.secret, clock.now()) }, second)).status).toBe(200);
  });

  it("counts wrong TOTP codes toward the lockout", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const pending = sessionCookieOf(await post(app, "/api/staff/auth/sign-in", { email: user.email, password: TEST_PASSWORD }));
    const wrong = totpCode(user.secret, new Date(clock.now().getTime() + 10 * 60_000));
    for (let i = 0; i < 5; i++) expect((await post(app, "/api/staff/auth/second-factor", { code: wrong }, pending)).status).toBe(422);
    const res = await post(app, "/api/staff/auth/second-factor", { code: totpCode(user.secret, clock.now()) }, pending);
    expect(res.status).toBe(429);
  });

  it("ends a session after 30 minutes without a request", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const cookie = await signInFully(app, user, clock.now());
    clock.set(later(29));
    expect((await get(app, "/api/staff/me", cookie)).status).toBe(200);
    clock.set(later(29 + 30));
    const res = await get(app, "/api/staff/me", cookie);
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toContain("__Host-staff_session=;");
  });

  it("ends an active session 12 hours after sign-in", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const cookie = await signInFully(app, user, clock.now());
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      clock.set(later(minute));
      expect((await get(app, "/api/staff/me", cookie)).status).toBe(200);
    }
    clock.set(later(12 * 60));
    expect((await get(app, "/api/staff/me", cookie)).status).toBe(401);
  });

  it("signing out ends the session at once", async () => {
    const { app, clock } = setup();
    const user = await insertUser(tempDb().db, { role: "admin" });
    const cookie = await signInFully(app, user, clock.now());
    // As the console sends it: a POST with no body and no Content-Type.
    const out = await app.request("/api/staff/auth/sign-out", { method: "POST", headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" } });
    expect(out.status).toBe(200);
    expect((await get(app, "/api/staff/me", cookie)).status).toBe(401);
  });

  it("disabling a user ends their sessions on the next request", async () => {
    const { app, clock } = setup();
    const admin = await insertUser(tempDb().db, { role: "admin" });
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const adminCookie = await signInFully(app, admin, clock.now());
    const officerCookie = await signInFully(app, officer, clock.now());
    expect((await get(app, "/api/staff/me", officerCookie)).status).toBe(200);
    expect((await post(app, `/api/staff/users/${officer.id}/disable`, {}, adminCookie)).status).toBe(200);
    expect((await get(app, "/api/staff/me", officerCookie)).status).toBe(401);
    // And the disabled account cannot sign in again, with the same answer as a wrong password.
    const again = await post(app, "/api/staff/auth/sign-in", { email: officer.email, password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });
});
