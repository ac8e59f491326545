import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../db/client";
import { closedPort } from "../../../support/ports";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, post, signInFully, TEST_PASSWORD } from "../../fixtures/staff";
import { COMMON_PASSWORD } from "../../../functions/services/staff/change-password";

describe("changing a password", () => {
  const tempDb = useTempDb();

  it("refuses a common password and a short one, accepts a long uncommon one, and ends the other sessions", async () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    const { app } = buildStaffApp(tempDb(), { clock });
    const user = await insertUser(tempDb().db, { role: "auditor" });
    const elsewhere = await signInFully(app, user, clock.now());
    clock.set("2026-09-01T08:01:00.000Z");
    const here = await signInFully(app, user, clock.now());

    const common = await post(app, "/api/staff/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "iloveyou1" }, here);
    expect(common.status).toBe(422);
    expect((await common.json()).fields).toEqual([{ path: "newPassword", message: COMMON_PASSWORD }]);
    const short = await post(app, "/api/staff/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "short" }, here);
    expect((await short.json()).fields[0].path).toBe("newPassword");

    const ok = await post(app, "/api/staff/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "青溪 river runs past the old mill" }, here);
    expect(ok.status).toBe(200);
    expect((await get(app, "/api/staff/me", here)).status).toBe(200);
    expect((await get(app, "/api/staff/me", elsewhere)).status).toBe(401);
    const signIn = await post(app, "/api/staff/auth/sign-in", { email: user.email, password: "青溪 river runs past the old mill" });
    expect(signIn.status).toBe(200);
  });
});

describe("cross-site writes (CSRF)", () => {
  const tempDb = useTempDb();

  it("refuses a cross-site request and a form-encoded body before any route runs", async () => {
    const { app } = buildStaffApp(tempDb());
    const body = JSON.stringify({ email: "a@jyj.example.gov.cn", password: "whatever it is" });
    const crossSite = await app.request("/api/staff/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
      body,
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await app.request("/api/staff/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body,
    });
    expect(foreignOrigin.status).toBe(403);
    const form = await app.request("/api/staff/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.cn&password=x",
    });
    // A form post without a same-origin signal could come from any site (no preflight).
    expect(form.status).toBe(403);
    const sameOrigin = await app.request("http://localhost/api/staff/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin", Origin: "http://localhost" },
      body,
    });
    expect(sameOrigin.status).toBe(401);
    const rows = await tempDb().client.execute("select count(*) as n from audit_log");
    expect(rows.rows[0]!.n).toBe(1);
  });
});

describe("bodiless writes", () => {
  const tempDb = useTempDb();

  it("accepts a POST without a body or type but refuses one that has a body and no type", async () => {
    const { app } = buildStaffApp(tempDb());
    const none = await app.request("/api/staff/auth/sign-out", { method: "POST" });
    expect(none.status).toBe(401);
    const untyped = await app.request("/api/staff/auth/sign-in", { method: "POST", body: "{}", headers: { "Content-Length": "2" } });
    expect(untyped.status).toBe(415);
  });
});

describe("an unreachable database", () => {
  const tempDb = useTempDb();

  it("fails sign-in and session checks closed with 503 and Retry-After, setting no cookie", async () => {
    const client = createClient({ url: `http://127.0.0.1:${await closedPort()}` });
    const { app } = buildStaffApp(tempDb(), { db: createDb(client) });
    const signIn = await post(app, "/api/staff/auth/sign-in", { email: "a@jyj.example.gov.cn", password: TEST_PASSWORD });
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get("Retry-After")).toBe("30");
    expect(signIn.headers.getSetCookie()).toEqual([]);
    const me = await get(app, "/api/staff/me", `__Host-staff_session=${"a".repeat(32)}`);
    expect(me.status).toBe(503);
    expect(Object.keys(await me.json()).sort()).toEqual(["code", "message", "requestId"]);
    client.close();
  });
});
