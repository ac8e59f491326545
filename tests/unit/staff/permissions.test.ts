import { describe, expect, it } from "vitest";
import { actionsOf, inScope, PERMISSIONS, scopeOf, STAFF_ACTIONS } from "../../../src/domain/staff/permissions";
import { STAFF_ROLES } from "../../../src/domain/staff/roles";

const CASE_ACTIONS = ["applications.review", "allocation.run", "allocation.publish", "complaints.triage", "complaints.assign", "complaints.answer"] as const;

describe("the permission matrix", () => {
  it("names only known roles and actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...STAFF_ROLES].sort());
    for (const grants of Object.values(PERMISSIONS)) {
      for (const action of Object.keys(grants)) expect(STAFF_ACTIONS).toContain(action);
    }
  });

  it("gives the system administrator users and no case data", () => {
    expect(scopeOf("admin", "users.manage")).toBe("all");
    for (const action of CASE_ACTIONS) expect(scopeOf("admin", action)).toBeNull();
    expect(scopeOf("admin", "audit.read")).toBeNull();
  });

  it("lets only the enrolment supervisor run and publish the allocation", () => {
    const runners = STAFF_ROLES.filter((role) => scopeOf(role, "allocation.publish"));
    expect(runners).toEqual(["enrolment_supervisor"]);
    expect(scopeOf("enrolment_officer", "applications.review")).toBe("all");
  });

  it("scopes the department liaison to its department for everything it may do", () => {
    expect(scopeOf("department_liaison", "complaints.answer")).toBe("department");
    expect(scopeOf("department_liaison", "complaints.triage")).toBeNull();
    expect(actionsOf("department_liaison").filter((a) => a !== "console.home").every((a) => scopeOf("department_liaison", a) === "department")).toBe(true);
  });

  it("keeps the auditor read-only", () => {
    expect(actionsOf("auditor")).toEqual(["console.home", "audit.read", "audit.export", "aggregates.read"]);
  });

  it("denies what it does not list", () => {
    expect(scopeOf("complaint_intake", "users.read")).toBeNull();
  });

  it("matches department scope only on the user's own department, and fails closed without one", () => {
    expect(inScope("department", "caizheng-ju", "caizheng-ju")).toBe(true);
    expect(inScope("department", "caizheng-ju", "guihua-fenju")).toBe(false);
    expect(inScope("department", null, null)).toBe(false);
    expect(inScope("all", null, "guihua-fenju")).toBe(true);
  });
});
