/**
 * Issue 16 item 7, end to end through the app, the outbox and the fake SMS transport: the
 * receipt goes by SMS at submission; "忘记查询码" answers every well-formed request the same
 * way, sends a NEW code only to the phone on file, the new code opens the application and the
 * old one is refused; every attempt is audited, and a reference takes three a day.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "../../../db/schema";
import { deliverOutbox } from "../../../functions/services/outbox/deliver-outbox";
import type { LogMailer } from "../../../functions/platform/log-mailer";
import { RECOVERY_REPLY } from "../../../src/domain/enrolment/recover-code";
import { useTempDb } from "../../fixtures/temp-db";
import { enrolmentApp, FORM_HEADERS, submit, trackJson } from "./enrolment-app";

const tempDb = useTempDb();
const CODE = /查询码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/;

function recover(app: { request(path: string, init?: RequestInit): Response | Promise<Response> }, reference: string, phone: string) {
  return app.request("/api/enrol/recover", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ reference, phone }) });
}

describe("a code that can't be lost", () => {
  it("sends the receipt by SMS, replaces a lost code on the phone on file, and refuses the old one", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    const mailer = deps.mailer as LogMailer;
    const deliver = () => deliverOutbox({ ctx: deps, input: {} });
    const receipt = (await (await submit(app)).json()) as { reference: string; accessCode: string };

    // At submission: the reference and the code, by SMS to the applicant's phone.
    await deliver();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to).toBe("13812345678");
    expect(mailer.sent[0]!.body).toContain(`受理编号：${receipt.reference}；查询码：${receipt.accessCode}`);

    // One reply, whatever the reference and phone: unknown reference, wrong phone, right phone typed with +86 in full width.
    const replies = [];
    for (const [reference, phone] of [
      ["RX2026-00999", "13812345678"],
      [receipt.reference, "13900001111"],
      [receipt.reference.toLowerCase(), "＋８６ １３８-１２３４-５６７８"],
    ] as const) {
      const res = await recover(app, reference, phone);
      replies.push({ status: res.status, type: res.headers.get("content-type"), body: await res.json() });
    }
    expect(replies[0]).toEqual({ status: 202, type: expect.stringContaining("application/json"), body: { message: RECOVERY_REPLY } });
    expect(replies[1]).toEqual(replies[0]);
    expect(replies[2]).toEqual(replies[0]);

    // Only the matching request sent anything: a new code, to the phone on file.
    await deliver();
    expect(mailer.sent).toHaveLength(2);
    expect(mailer.sent[1]!.to).toBe("13812345678");
    expect(mailer.sent[1]!.body).toContain("原查询码已失效");
    const fresh = CODE.exec(mailer.sent[1]!.body)![1]!;
    expect(fresh).not.toBe(receipt.accessCode);

    expect((await trackJson(app, receipt.reference, fresh)).status).toBe(200);
    expect((await trackJson(app, receipt.reference, receipt.accessCode)).status).toBe(404);

    const audit = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "enrolment.recover_code"));
    expect(audit.map((a) => [a.outcome, a.detail])).toEqual([
      ["denied", "unknown_reference"],
      ["denied", "phone_mismatch"],
      ["success", null],
    ]);

    // Three replacements a reference a day (the wrong-phone try counted): the next is answered alike and sends nothing.
    expect((await recover(app, receipt.reference, "13812345678")).status).toBe(202);
    const limited = await recover(app, receipt.reference, "13812345678");
    expect({ status: limited.status, body: await limited.json() }).toEqual({ status: 202, body: { message: RECOVERY_REPLY } });
    await deliver();
    expect(mailer.sent).toHaveLength(3);
    const capped = await tempDb().db.select().from(auditLog).where(and(eq(auditLog.action, "enrolment.recover_code"), eq(auditLog.detail, "daily_limit")));
    expect(capped).toHaveLength(1);
  });

  it("works as a plain form post: the same words in a page, errors beside the fields, nothing in a URL", async () => {
    const { app } = enrolmentApp(tempDb());
    const post = (body: Record<string, string>) => app.request("/api/enrol/recover", { method: "POST", headers: FORM_HEADERS, body: new URLSearchParams(body).toString() });
    const done = await post({ reference: "RX2026-00001", phone: "13812345678" });
    expect(done.status).toBe(200);
    expect(done.headers.get("location")).toBeNull();
    expect(await done.text()).toContain(RECOVERY_REPLY);
    const blank = await post({ reference: "", phone: "" });
    expect(blank.status).toBe(422);
    const page = await blank.text();
    expect(page).toContain("请输入受理编号");
    expect(page).toContain("请输入手机号码");
    expect(page).not.toContain(RECOVERY_REPLY);
  });
});
