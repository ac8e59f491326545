import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, staffUsers } from "../../../db/schema";
import { csvCell } from "../../../functions/services/audit/internal/audit-query";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";
import { buildStaffApp, get, insertUser, post, signInFully, TEST_PASSWORD } from "../../fixtures/staff";

describe("the audit trail", () => {
  const tempDb = useTempDb();
  const setup = () => buildStaffApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });

  it("is append-only: the database refuses to update a row, or to delete one younger than six months", async () => {
    const { app } = setup();
    await post(app, "/api/staff/auth/sign-in", { email: "x@jyj.example.gov.cn", password: "wrong password" });
    const { client } = tempDb();
    expect((await client.execute("select count(*) as n from audit_log")).rows[0]!.n).toBe(1);
    // Dated by the real clock, which the database's trigger judges by (the app's clock here is fixed).
    await client.execute({ sql: "insert into audit_log (at, action, outcome, request_id) values (?, 'test.now', 'success', 'r')", args: [new Date().toISOString()] });
    await expect(client.execute("update audit_log set outcome = 'success'")).rejects.toThrow(/append-only/);
    await expect(client.execute("delete from audit_log where action = 'test.now'")).rejects.toThrow(/kept at least six months/);
    expect((await client.execute("select outcome from audit_log where action != 'test.now'")).rows[0]!.outcome).toBe("failure");
    expect((await client.execute("select count(*) as n from audit_log")).rows[0]!.n).toBe(2);
  });

  it("rolls the action back when its audit row cannot be written", async () => {
    const { app, deps } = setup();
    const admin = await insertUser(tempDb().db, { role: "admin" });
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    const cookie = await signInFully(app, admin, deps.clock.now());
    // Make the database refuse exactly this audit row, as a full disk or a broken constraint would.
    await tempDb().client.execute(
      "create trigger fail_disable_audit before insert on audit_log when new.action = 'users.disable' begin select raise(abort, 'audit write failed'); end",
    );
    const res = await post(app, `/api/staff/users/${officer.id}/disable`, {}, cookie);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("audit write failed");
    const row = await tempDb().db.select().from(staffUsers).where(eq(staffUsers.id, officer.id)).get();
    expect(row!.disabledAt).toBeNull();
  });

  it("records sign-in failures, successes and refused accesses with actor, role, outcome and request id", async () => {
    const { app, deps } = setup();
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    await post(app, "/api/staff/auth/sign-in", { email: officer.email, password: "wrong password" });
    const cookie = await signInFully(app, officer, deps.clock.now());
    const denied = await get(app, "/api/staff/audit", cookie);
    expect(denied.status).toBe(403);
    const rows = await tempDb().db.select().from(auditLog).where(eq(auditLog.actorId, officer.id)).all();
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["auth.sign_in", "failure"],
      ["auth.password", "success"],
      ["auth.totp_verify", "success"],
      ["auth.sign_in", "success"],
      ["access.denied", "denied"],
    ]);
    expect(rows.every((r) => r.actorRole === "enrolment_officer" && r.requestId.length > 0 && r.at === "2026-09-01T08:00:00.000Z")).toBe(true);
    expect(rows.at(-1)).toMatchObject({ objectId: "GET /api/staff/audit", detail: "audit.read" });
  });

  it("lets an auditor filter by actor, action and date, and export the same rows as CSV", async () => {
    const { app, deps } = setup();
    const auditor = await insertUser(tempDb().db, { role: "auditor" });
    const officer = await insertUser(tempDb().db, { role: "enrolment_officer" });
    await post(app, "/api/staff/auth/sign-in", { email: officer.email, password: "wrong password" });
    await post(app, "/api/staff/auth/sign-in", { email: officer.email, password: TEST_PASSWORD });
    const cookie = await signInFully(app, auditor, deps.clock.now());

    const list = await (await get(app, `/api/staff/audit?actor=${encodeURIComponent(officer.email)}&action=auth.sign_in`, cookie)).json();
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ actorId: officer.id, actorEmail: officer.email, outcome: "failure" });
    const none = await (await get(app, "/api/staff/audit?from=2026-09-02", cookie)).json();
    expect(none.entries).toEqual([]);
    const bad = await get(app, "/api/staff/audit?from=yesterday", cookie);
    expect(bad.status).toBe(422);

    const csv = await get(app, `/api/staff/audit/export?actor=${officer.id}`, cookie);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="audit-log.csv"');
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,at,actorId,actorEmail,actorRole,action,objectType,objectId,outcome,requestId,detail");
    expect(lines).toHaveLength(3);
    const exported = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "audit.export")).all();
    expect(exported).toHaveLength(1);
  });

  it("neutralises spreadsheet formulas and quotes separators in CSV cells", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe("");
  });
});
