/**
 * The "documents to review" flag (migration 0017, issue 19): `applications.documents_pending`
 * is kept by triggers on application_documents, so the review queue's filter is an index
 * lookup. Every change of a document moves it: a pending upload sets it, the last pending
 * document reviewed clears it, one sent back to pending sets it again, a deletion and a
 * document moved to another application are followed on both sides.
 */
import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";

describe("the documents-pending flag", () => {
  const tempDb = useTempDb();
  const run = (sql: string, args: (string | number)[] = []) => tempDb().client.execute({ sql, args });
  const flags = async () =>
    Object.fromEntries((await run("SELECT id, documents_pending AS f FROM applications ORDER BY id")).rows.map((r) => [String(r.id), Number(r.f)]));
  const application = (id: string) =>
    run(
      `INSERT INTO applications (id, intake_id, reference, state, grade, area_id, community_id, preferences, personal, sensitive, retain_until, created_at, updated_at)
       VALUES (?, '2026', ?, 'submitted', '1', 'qingxi', 'wenchang', '[]', 'x', 'x', '2030-01-01', '2026-05-01', '2026-05-01')`,
      [id, `RX2026-0000${id}`],
    );
  const document = (id: string, app: string, review: string) =>
    run(
      `INSERT INTO application_documents (id, application_id, kind, blob_key, content_type, size, sha256, review, uploaded_at)
       VALUES (?, ?, 'hukou', ?, 'image/jpeg', 1, 'h', ?, '2026-05-01')`,
      [id, app, `k-${id}`, review],
    );

  it("follows every change of an application's documents", async () => {
    await application("1");
    await application("2");
    expect(await flags()).toEqual({ 1: 0, 2: 0 });
    await document("d1", "1", "pending");
    await document("d2", "1", "pending");
    await document("d3", "2", "accepted");
    expect(await flags()).toEqual({ 1: 1, 2: 0 });
    await run("UPDATE application_documents SET review = 'accepted' WHERE id = 'd1'");
    expect(await flags()).toEqual({ 1: 1, 2: 0 });
    await run("UPDATE application_documents SET review = 'rejected' WHERE id = 'd2'");
    expect(await flags()).toEqual({ 1: 0, 2: 0 });
    await run("UPDATE application_documents SET review = 'pending' WHERE id = 'd3'");
    expect(await flags()).toEqual({ 1: 0, 2: 1 });
    await run("UPDATE application_documents SET application_id = '1' WHERE id = 'd3'");
    expect(await flags()).toEqual({ 1: 1, 2: 0 });
    await run("DELETE FROM application_documents WHERE id = 'd3'");
    expect(await flags()).toEqual({ 1: 0, 2: 0 });
  });
});
