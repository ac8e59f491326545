/**
 * The permission walk (SECURITY.md item 9): every `/api/staff/*` route of the real app,
 * read from the app's own route table, is called signed out and as every role, and the
 * answer is checked against the permission matrix: 401 signed out, 403/404 for a role the
 * matrix denies (with nothing but the error fields in the body), never 401/403 for a role
 * it allows. A staff route without a declared requirement fails the walk.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { scopeOf } from "../../../src/domain/staff/permissions";
import { STAFF_ROLES, type StaffRole } from "../../../src/domain/staff/roles";
import type { StaffRequirement } from "../../../functions/middleware/staff-auth";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, signInFully, type TestUser } from "../../fixtures/staff";

type Route = { method: string; path: string; requirement: StaffRequirement | undefined };

function staffRoutesOf(app: ReturnType<typeof buildStaffApp>["app"]): Route[] {
  const byKey = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === "ALL" || !r.path.startsWith("/api/staff/")) continue;
    const key = `${r.method} ${r.path}`;
    const route = byKey.get(key) ?? { method: r.method, path: r.path, requirement: undefined };
    const marked = (r.handler as { staffRequirement?: StaffRequirement }).staffRequirement;
    if (marked) route.requirement = marked;
    byKey.set(key, route);
  }
  return [...byKey.values()];
}

const ERROR_KEYS = ["code", "message", "requestId", "fields"];

function bodyFor(route: Route): unknown {
  if (route.method === "POST" && route.path === "/api/staff/users") {
    return { email: `walk.${Math.random().toString(36).slice(2)}@jyj.example.gov.cn`, displayName: "巡检", role: "auditor" };
  }
  if (route.method === "PATCH") return { role: "auditor", department: null };
  if (route.path.endsWith("/second-factor")) return { code: "000000" };
  if (route.path.endsWith("/password")) return { currentPassword: "x", newPassword: "a long enough new password" };
  return {};
}

describe("the permission walk over every /api/staff route", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let cookies: Map<StaffRole, string>;
  let target: TestUser;

  beforeEach(async () => {
    const clock = fixedClock("2026-09-01T08:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    cookies = new Map();
    for (const role of STAFF_ROLES) {
      const user = await insertUser(tempDb().db, { role, department: role === "department_liaison" ? "caizheng-ju" : null });
      cookies.set(role, await signInFully(env.app, user, clock.now()));
    }
    target = await insertUser(tempDb().db, { role: "enrolment_officer", department: "guihua-fenju" });
    // Six real sign-ins (argon2id each) on a shared 2-core machine: allow a slow minute.
  }, 60_000);

  function call(route: Route, cookie: string | undefined) {
    const path = route.path.replace(":id", target.id);
    if (route.method === "GET") return get(env.app, path, cookie);
    return env.app.request(path, {
      method: route.method,
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(bodyFor(route)),
    });
  }

  it("finds the staff routes in the app itself, and every one declares who may call it", () => {
    const routes = staffRoutesOf(env.app);
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.filter((r) => !r.requirement).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // Only the password step is open to the signed-out.
    expect(routes.filter((r) => r.requirement?.kind === "public").map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/staff/auth/sign-in"]);
  });

  it("answers 401 with no data to the signed-out on every non-public route", async () => {
    for (const route of staffRoutesOf(env.app).filter((r) => r.requirement?.kind !== "public")) {
      const res = await call(route, undefined);
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(Object.keys(await res.json()).every((k) => ERROR_KEYS.includes(k))).toBe(true);
    }
  });

  it("gives every role exactly what the matrix grants on every permission-checked route", async () => {
    const checked: string[] = [];
    for (const route of staffRoutesOf(env.app)) {
      const requirement = route.requirement;
      if (requirement?.kind !== "action") continue;
      for (const role of STAFF_ROLES) {
        const res = await call(route, cookies.get(role));
        const label = `${role} ${route.method} ${route.path}`;
        if (scopeOf(role, requirement.action)) {
          expect([401, 403], label).not.toContain(res.status);
        } else {
          expect([403, 404], label).toContain(res.status);
          const body = await res.json();
          expect(Object.keys(body).every((k) => ERROR_KEYS.includes(k)), label).toBe(true);
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(9 * STAFF_ROLES.length);
  });

  it("a department liaison gets 404 and no data for another department's account, and sees its own", async () => {
    const colleague = await insertUser(tempDb().db, { role: "auditor", department: "caizheng-ju" });
    const liaison = cookies.get("department_liaison")!;
    const other = await get(env.app, `/api/staff/users/${target.id}`, liaison);
    expect(other.status).toBe(404);
    expect(Object.keys(await other.json()).sort()).toEqual(["code", "message", "requestId"]);
    expect((await get(env.app, `/api/staff/users/${colleague.id}`, liaison)).status).toBe(200);
    const list = await (await get(env.app, "/api/staff/users", liaison)).json();
    expect(list.users.every((u: { department: string }) => u.department === "caizheng-ju")).toBe(true);
    expect(list.users.map((u: { id: string }) => u.id)).toContain(colleague.id);
  });
});
