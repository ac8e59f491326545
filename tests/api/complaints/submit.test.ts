import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, complaintEvents, complaints, outboxMessages } from "../../../db/schema";
import { normaliseReceiptCode } from "../../../functions/platform/receipt-code";
import { fieldKeysOf, openField } from "../../../functions/platform/field-crypto";
import { recipientContext } from "../../../functions/services/outbox/internal/enqueue-message";
import { deliverOutbox } from "../../../functions/services/outbox/deliver-outbox";
import { listOutbox, SEALED_BODY } from "../../../functions/services/outbox/list-outbox";
import type { LogMailer } from "../../../functions/platform/log-mailer";
import { contactContext } from "../../../functions/services/complaint/internal/notify-filer";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, fixedClock } from "../../fixtures/test-app";
import { postForm, postJson, VALID_COMPLAINT } from "../../fixtures/complaints";

describe("filing a complaint", () => {
  const tempDb = useTempDb();
  const build = () => buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });

  it("files an anonymous complaint in one go: reference, a 128-bit receipt code stored only as a hash, its first event and audit row", async () => {
    const { app } = build();
    const res = await postJson(app, "/api/complaints", VALID_COMPLAINT);
    expect(res.status).toBe(201);
    const { complaint } = await res.json();
    expect(complaint.reference).toBe("TS2026-00001");
    expect(complaint).toMatchObject({ receivedOn: "2026-09-01", acceptDue: "2026-09-16", department: "jiaoyu-ju", anonymous: true });
    // Crockford base32: 5 bits a character.
    expect(normaliseReceiptCode(complaint.receiptCode).length * 5).toBeGreaterThanOrEqual(128);
    const rows = await tempDb().db.select().from(complaints).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.receiptCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows[0])).not.toContain(normaliseReceiptCode(complaint.receiptCode));
    expect(rows[0]!.contactSealed).toBeNull();
    expect(rows[0]!.status).toBe("submitted");
    expect(await tempDb().db.select().from(complaintEvents).all()).toHaveLength(1);
    expect((await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "complaints.submit")).all())[0]?.objectId).toBe("TS2026-00001");
  });

  it("seals a named filer's identity and queues a notice that names only the reference", async () => {
    const { app, deps } = build();
    const res = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, contactMode: "named", name: "王小明", phone: "13800138000", departmentMayContact: true });
    expect(res.status).toBe(201);
    const { complaint } = await res.json();
    const row = (await tempDb().db.select().from(complaints).get())!;
    expect(row.contactSealed).toMatch(/^k1\./);
    expect(JSON.stringify(row)).not.toContain("王小明");
    expect(JSON.stringify(row)).not.toContain("13800138000");
    expect(row.departmentMayContact).toBe(true);
    const [message] = await tempDb().db.select().from(outboxMessages).all();
    // The receipt (reference and code) is queued sealed (issue 22 item 4): neither is readable at rest.
    expect(message!.bodySealed).toBe(true);
    expect(message!.body).not.toContain(complaint.reference);
    expect(message!.body).not.toContain(complaint.receiptCode);
    expect(JSON.stringify(message)).not.toContain("13800138000");
    // Sealed before the transaction, each under its own row's context, and they open.
    const keys = fieldKeysOf(deps.config.secrets);
    expect(JSON.parse(await openField(keys, contactContext(row.id), row.contactSealed!))).toEqual({ name: "王小明", phone: "13800138000", email: null });
    expect(await openField(keys, recipientContext(message!.id), message!.recipientSealed)).toBe("13800138000");
  });

  it("sends a named filer the receipt once, sealed: the staff outbox shows no code, delivery opens it", async () => {
    const { app, deps } = build();
    const named = { ...VALID_COMPLAINT, contactMode: "named", name: "王小明", phone: "13800138000" };
    const post = () => app.request("/api/complaints", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": "receipt-sms-once" }, body: JSON.stringify(named) });
    const { complaint } = await (await post()).json();
    expect((await post()).status).toBeLessThan(300);
    const messages = await tempDb().db.select().from(outboxMessages).all();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "sms", bodySealed: true, recipientMasked: expect.not.stringContaining("13800138000") });

    const admin = { userId: "u-admin", email: "a@jyj.example.gov.cn", displayName: "管理员", role: "admin" as const, department: null, sessionId: "s" };
    const listed = await listOutbox({ ctx: { ...deps, requestId: "r", keys: fieldKeysOf(deps.config.secrets), actor: admin } as unknown as Parameters<typeof listOutbox>[0]["ctx"], input: { transport: "log" } });
    expect(listed.messages).toHaveLength(1);
    expect(listed.messages[0]!.body).toBe(SEALED_BODY);
    expect(JSON.stringify(listed)).not.toContain(complaint.receiptCode);

    await deliverOutbox({ ctx: deps, input: {} });
    const sent = (deps.mailer as LogMailer).sent;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "13800138000", channel: "sms" });
    expect(sent[0]!.body).toContain(`受理编号：${complaint.reference}；查询码：${complaint.receiptCode}。`);
  });

  it("sends the receipt by e-mail to a named filer who gave only an e-mail address, and nothing to an anonymous one", async () => {
    const { app, deps } = build();
    await postJson(app, "/api/complaints", VALID_COMPLAINT);
    expect(await tempDb().db.select().from(outboxMessages).all()).toHaveLength(0);
    const { complaint } = await (await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, contactMode: "named", name: "王小明", email: "wang@example.com" })).json();
    await deliverOutbox({ ctx: deps, input: {} });
    const sent = (deps.mailer as LogMailer).sent;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "wang@example.com", channel: "email", subject: `投诉${complaint.reference}回执` });
    expect(sent[0]!.body).toContain(complaint.receiptCode);
  });

  it("answers bad input with 422, Chinese field errors and nothing stored", async () => {
    const { app } = build();
    const res = await postJson(app, "/api/complaints", { category: "x", school: "no-such-school", whatHappened: "短", happenedOn: "2026-13-01", contactMode: "named" });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(["category", "happenedOn", "school", "whatHappened"]);
    expect(body.fields.find((f: { path: string }) => f.path === "school").message).toBe("请从列表中选择学校，或选择“不针对某一所学校”");
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(0);
  });

  it("refuses a date in the future, fields a filer may not set, and a filled honeypot, storing nothing", async () => {
    const { app } = build();
    const future = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, happenedOn: "2026-09-02" });
    expect(future.status).toBe(422);
    expect((await future.json()).fields[0]).toEqual({ path: "happenedOn", message: "事情发生的日期不能晚于今天" });
    expect((await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, status: "closed", department: "caizheng-ju" })).status).toBe(422);
    const trap = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, website: "http://spam.example" });
    expect(trap.status).toBe(422);
    expect((await trap.json()).message).toBe("提交失败，请刷新页面后重试。");
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(0);
  });

  it("returns the same reference and code for a retry with the same Idempotency-Key, and refuses the key with another body", async () => {
    const { app } = build();
    const key = { "Idempotency-Key": "complaint-retry-0001" };
    const first = await (await postJson(app, "/api/complaints", VALID_COMPLAINT, key)).json();
    const again = await postJson(app, "/api/complaints", VALID_COMPLAINT, key);
    expect(again.status).toBe(200);
    const replay = await again.json();
    expect(replay.replayed).toBe(true);
    expect(replay.complaint).toEqual(first.complaint);
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(1);
    const other = await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, category: "tutoring" }, key);
    expect(other.status).toBe(422);
  });

  it("limits submissions per client to 10 an hour", async () => {
    const { app } = build();
    for (let i = 0; i < 10; i++) expect((await postJson(app, "/api/complaints", { ...VALID_COMPLAINT, school: "none" })).status).toBe(201);
    const eleventh = await postJson(app, "/api/complaints", VALID_COMPLAINT);
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get("Retry-After")).toBeTruthy();
  });
});

describe("filing without JavaScript", () => {
  const tempDb = useTempDb();
  const build = () => buildTestApp(tempDb(), { clock: fixedClock("2026-09-01T08:00:00.000Z") });

  /** The receipt page the redirect points to, fetched the way the browser follows it (with the cookie it was given). */
  async function followReceipt(app: ReturnType<typeof build>["app"], res: Response) {
    expect(res.status).toBe(303);
    const location = res.headers.get("Location")!;
    const cookie = res.headers.get("Set-Cookie")!;
    return { location, cookie, page: await app.request(`http://localhost${location}`, { headers: { Cookie: cookie.split(";")[0]! } }) };
  }

  it("redirects a good form post to the receipt page (POST-redirect-GET), the code never in the URL", async () => {
    const { app } = build();
    const res = await postForm(app, "/api/complaints", { ...VALID_COMPLAINT, website: "", publishConsent: "on" });
    const { location, cookie, page } = await followReceipt(app, res);
    expect(location).toBe("/api/complaints/receipt");
    expect(cookie).toMatch(/^__Secure-complaint_receipt=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/complaints\/receipt/);
    expect(cookie).toMatch(/Max-Age=1800/);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("TS2026-00001");
    expect(html).toContain("2026年9月16日（含）前决定是否受理");
    expect(html).toContain("最多30日");
    expect(html).toContain('<span class="code-group">');
    expect(html).toMatch(/data-code-actions[^>]*data-title="教育投诉回执" hidden>/);
    const row = (await tempDb().db.select().from(complaints).get())!;
    expect(row.publishConsent).toBe(true);
    // The cookie is sealed: neither the reference nor a code group is readable in it.
    expect(cookie).not.toContain("TS2026");
  });

  it("files once on a double post of the same form, and a reload of the receipt page files nothing", async () => {
    const { app } = build();
    const body = { ...VALID_COMPLAINT, website: "" };
    const first = await followReceipt(app, await postForm(app, "/api/complaints", body));
    const second = await followReceipt(app, await postForm(app, "/api/complaints", body));
    const [a, b] = [await first.page.text(), await second.page.text()];
    expect(a).toContain("TS2026-00001");
    expect(b).toContain("TS2026-00001");
    for (let i = 0; i < 3; i++) {
      const reload = await app.request(`http://localhost${first.location}`, { headers: { Cookie: first.cookie.split(";")[0]! } });
      expect(reload.status).toBe(200);
    }
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(1);
    // Another complaint (other content) from the same client is filed on its own.
    await followReceipt(app, await postForm(app, "/api/complaints", { ...body, whatHappened: "另一件事：学校要求家长购买指定的校服和教辅。" }));
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(2);
  });

  it("keys a server-rendered form by its one-time token: the same token files once", async () => {
    const { app } = build();
    const refused = await (await postForm(app, "/api/complaints", { ...VALID_COMPLAINT, whatHappened: "短" })).text();
    const token = /name="formToken" value="([^"]+)"/.exec(refused)?.[1];
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const body = { ...VALID_COMPLAINT, formToken: token! };
    expect((await postForm(app, "/api/complaints", body)).status).toBe(303);
    expect((await postForm(app, "/api/complaints", body)).status).toBe(303);
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(1);
    // The next render carries a fresh token.
    const again = await (await postForm(app, "/api/complaints", { ...VALID_COMPLAINT, whatHappened: "短" })).text();
    expect(/name="formToken" value="([^"]+)"/.exec(again)?.[1]).not.toBe(token);
  });

  it("answers the receipt page without its cookie, or with a forged or expired one, with where to look instead", async () => {
    const { app, deps } = build();
    expect((await app.request("http://localhost/api/complaints/receipt")).status).toBe(404);
    expect((await app.request("http://localhost/api/complaints/receipt", { headers: { Cookie: "__Secure-complaint_receipt=k1.AAAA.BBBB" } })).status).toBe(404);
    const { cookie } = await followReceipt(app, await postForm(app, "/api/complaints", VALID_COMPLAINT));
    (deps.clock as ReturnType<typeof fixedClock>).set("2026-09-01T08:31:00.000Z");
    const expired = await app.request("http://localhost/api/complaints/receipt", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain("查询办理进度");
  });

  it("shows the form again with the error summary, the values kept and escaped, and stores nothing", async () => {
    const { app } = build();
    const payload = `<script>alert("x")</script>`;
    const res = await postForm(app, "/api/complaints", { ...VALID_COMPLAINT, whatHappened: payload, contactMode: "named", name: `"><img src=x onerror=alert(1)>` });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("<title>错误：");
    expect(page).toContain("存在以下问题");
    expect(page).toContain('href="#field-phone"');
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).not.toContain(payload);
    expect(page).not.toContain("<img src=x");
    expect(page).toMatch(/<option value="shiyan-xiaoxue" selected>/);
    expect(await tempDb().db.select().from(complaints).all()).toHaveLength(0);
  });

  it("refuses a form post from another site", async () => {
    const { app } = build();
    expect((await postForm(app, "/api/complaints", VALID_COMPLAINT, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });
});
