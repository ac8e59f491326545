import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { applicationDocuments, applications, auditLog, idempotencyKeys, outboxMessages } from "../../../db/schema";
import { fieldKeysOf, openField, sealField } from "../../../functions/platform/field-crypto";
import type { LogMailer } from "../../../functions/platform/log-mailer";
import { deliverOutbox } from "../../../functions/services/outbox/deliver-outbox";
import { REFERENCE_SLOT } from "../../../functions/services/outbox/internal/enqueue-message";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { jpegWithMetadata, minimalPdf } from "../../fixtures/upload-files";
import { TEST_CLIENT_HEADER } from "../../fixtures/test-app";
import { enrolmentApp, standardFiles, submit } from "./enrolment-app";

const tempDb = useTempDb();

async function applicationCount() {
  const [row] = await tempDb().db.select({ n: count() }).from(applications);
  return row!.n;
}

describe("submitting an application", () => {
  it("answers 201 with a reference like RX2026-00001 and a 16-character access code, and stores one sealed row", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    const res = await submit(app);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { reference: string; accessCode: string };
    expect(body.reference).toBe("RX2026-00001");
    expect(body.accessCode.replaceAll("-", "")).toHaveLength(16);
    const [row] = await tempDb().db.select().from(applications);
    expect(row!.state).toBe("submitted");
    expect(row!.consentNoticeVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The applicant (the form's first guardian) is recorded as the one who consented.
    expect(row!.consentGuardian).toBe(0);
    // Nothing readable at rest: no ID number, name or phone in the row.
    const stored = JSON.stringify(row);
    const input = validApplication();
    for (const secret of [input.child.idNumber, input.child.name, input.guardians[0]!.phone, input.guardians[0]!.idNumber, input.permit.number]) expect(stored).not.toContain(secret);
    expect(row!.accessCodeHash).not.toContain(body.accessCode);
    const docs = await tempDb().db.select().from(applicationDocuments);
    expect(docs.map((d) => d.kind).sort()).toEqual(["hukou", "residence_permit"]);
    const audit = await tempDb().db.select().from(auditLog).where(eq(auditLog.action, "enrolment.submit"));
    expect(audit).toHaveLength(1);
    const sms = await tempDb().db.select().from(outboxMessages);
    expect(sms).toHaveLength(1);
    // The receipt SMS carries the reference and the code (issue 16 item 7), so its body is sealed at rest.
    expect(sms[0]!.bodySealed).toBe(true);
    expect(sms[0]!.body).not.toContain(body.accessCode);
    expect(sms[0]!.body).not.toContain("RX2026-00001");
    const opened = await openField(fieldKeysOf(deps.config.secrets), `outbox:${sms[0]!.id}:body`, sms[0]!.body);
    // Sealed before the batch drew the reference, so the reference is filled in at delivery.
    expect(opened).toContain(`受理编号：${REFERENCE_SLOT}；查询码：${body.accessCode}`);
    expect(await deliverOutbox({ ctx: deps, input: {} })).toEqual({ sent: 1, failed: 0 });
    expect((deps.mailer as LogMailer).sent[0]!.body).toContain("受理编号：RX2026-00001；查询码：" + body.accessCode);
  });

  it("reports every validation error as { path, message } with 422 and stores nothing", async () => {
    const { app } = enrolmentApp(tempDb());
    const bad = validApplication();
    bad.child.idNumber = "110105194912310021";
    bad.guardians[0]!.phone = "12345";
    bad.address.community = "no-such-community";
    bad.preferences = [];
    (bad.consents as Record<string, string>).childData = "";
    const res = await submit(app, bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: { path: string; message: string }[] };
    expect(body.fields.map((f) => f.path).sort()).toEqual(["address.community", "child.idNumber", "consents.childData", "guardians.0.phone", "preferences"]);
    for (const f of body.fields) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await applicationCount()).toBe(0);
  });

  it("refuses fields a family may not set (no mass assignment)", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await submit(app, { ...validApplication(), state: "offered" });
    expect(res.status).toBe(422);
    expect(await applicationCount()).toBe(0);
  });

  it("needs the residence permit and the hukou, and names the missing one", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await submit(app, validApplication(), { files: { "documents.residence_permit": standardFiles()["documents.residence_permit"]! } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: { path: string }[] }).fields).toEqual([{ path: "documents.hukou", message: "请上传户口簿" }]);
  });

  it("refuses a file whose content is not what its name and type claim (type spoofing)", async () => {
    const { app } = enrolmentApp(tempDb());
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const res = await submit(app, validApplication(), {
      files: { ...standardFiles(), "documents.housing": [{ bytes: html, name: "lease.pdf", type: "application/pdf" }] },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: { path: string; message: string }[] }).fields).toEqual([{ path: "documents.housing", message: "只能上传JPG、PNG或PDF文件" }]);
    expect(await applicationCount()).toBe(0);
  });

  it("refuses more than eight files, and empty ones", async () => {
    const { app } = enrolmentApp(tempDb());
    const nine = Array.from({ length: 7 }, (_, i) => ({ bytes: minimalPdf(), name: `w${i}.pdf` }));
    const res = await submit(app, validApplication(), { files: { ...standardFiles(), "documents.work_proof": nine } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: { path: string }[] }).fields[0]!.path).toBe("documents");
    const empty = await submit(app, validApplication(), { files: { ...standardFiles(), "documents.other": [{ bytes: new Uint8Array(0), name: "x.pdf" }] } });
    expect(((await empty.json()) as { fields: { message: string }[] }).fields[0]!.message).toContain("空");
  });

  it("strips the location metadata from an uploaded JPEG before storing it", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    const res = await submit(app, validApplication(), { files: { ...standardFiles(), "documents.housing": [{ bytes: jpegWithMetadata(), name: "home.jpg", type: "image/jpeg" }] } });
    expect(res.status).toBe(201);
    const [doc] = await tempDb().db.select().from(applicationDocuments).where(eq(applicationDocuments.kind, "housing"));
    const blob = await deps.blobs.get(doc!.blobKey);
    // Sealed at rest: neither the GPS text nor the JPEG marker is readable in the store.
    expect(Buffer.from(blob!.bytes).includes(Buffer.from("GPS"))).toBe(false);
    expect(doc!.size).toBeLessThan(jpegWithMetadata().length);
  });

  it("needs an Idempotency-Key", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await submit(app, validApplication(), { key: null });
    expect(res.status).toBe(422);
    expect(await applicationCount()).toBe(0);
  });

  it("gives 20 parallel identical requests one application and the same reference and code", async () => {
    const { app } = enrolmentApp(tempDb());
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(app, validApplication(), { key: "same-key-parallel", headers: { [TEST_CLIENT_HEADER]: `198.51.100.${i}` } })),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { reference: string; accessCode: string }[];
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.accessCode)).size).toBe(1);
    expect(await applicationCount()).toBe(1);
    expect(await tempDb().db.select().from(applicationDocuments)).toHaveLength(2);
  });

  it("refuses the same key with a different body", async () => {
    const { app } = enrolmentApp(tempDb());
    expect((await submit(app, validApplication(1), { key: "reused-key-1" })).status).toBe(201);
    const other = await submit(app, validApplication(2), { key: "reused-key-1" });
    expect(other.status).toBe(422);
    expect(await applicationCount()).toBe(1);
  });

  it("keeps the access code for a replay sealed to the application, and still replays one sealed the old way (to the reference)", async () => {
    const { app, deps } = enrolmentApp(tempDb());
    const keys = fieldKeysOf(deps.config.secrets);
    const first = (await (await submit(app, validApplication(), { key: "receipt-binding-1" })).json()) as { reference: string; accessCode: string };
    const where = eq(idempotencyKeys.key, "receipt-binding-1");
    const [record] = await tempDb().db.select().from(idempotencyKeys).where(where);
    const stored = JSON.parse(record!.resultJson) as { applicationId: string; sealedCode: string };
    expect(await openField(keys, `receipt:application:${stored.applicationId}`, stored.sealedCode)).toBe(first.accessCode);
    // A record written before this change, which lives for 7 days, bound the code to the reference.
    stored.sealedCode = await sealField(keys, `receipt:${first.reference}`, first.accessCode);
    await tempDb().db.update(idempotencyKeys).set({ resultJson: JSON.stringify(stored) }).where(where);
    const again = await submit(app, validApplication(), { key: "receipt-binding-1" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reference: first.reference, accessCode: first.accessCode, replayed: true });
    expect(await applicationCount()).toBe(1);
  });

  it("refuses submissions outside the application window", async () => {
    const { app, clock } = enrolmentApp(tempDb());
    clock.set("2027-04-01T00:00:00.000Z");
    const res = await submit(app);
    expect(res.status).toBe(409);
    expect(await applicationCount()).toBe(0);
  });

  it("limits submissions per client (10 an hour) with 429 and Retry-After", async () => {
    const { app } = enrolmentApp(tempDb());
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await submit(app, { nonsense: i }, { key: `limit-key-${i}xx`, files: {} })).status);
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    const last = await submit(app, validApplication(), { key: "limit-key-last" });
    expect(last.status).toBe(429);
    expect(last.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("refuses a filled honeypot field and stores nothing", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await submit(app, { ...validApplication(), website: "http://spam.example" });
    expect(res.status).toBe(422);
    expect(await applicationCount()).toBe(0);
  });
});
