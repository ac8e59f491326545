/**
 * What the review queue's triggers keep (migration 0017, issue 19), so its document and school
 * filters are index walks. `applications.documents_pending` follows every change of a
 * document: a pending upload sets it, the last pending document reviewed clears it, one sent
 * back to pending sets it again, a deletion and a document moved to another application are
 * followed on both sides. `application_schools` holds each school a queued application names
 * (its preferences and its offer) with its review key, equal to REVIEW_KEY through every
 * change, and nothing for a draft or a deleted application.
 */
import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";

/** REVIEW_KEY (db/schema/enrolment) written out on the joined application `a`. */
const REVIEW_KEY_SQL = "(CASE WHEN a.state = 'submitted' OR a.state = 'under_review' THEN '0:' ELSE '1:' END || a.submitted_at)";

describe("the review queue's triggers", () => {
  const tempDb = useTempDb();
  const run = (sql: string, args: (string | number)[] = []) => tempDb().client.execute({ sql, args });
  const flags = async () =>
    Object.fromEntries((await run("SELECT id, documents_pending AS f FROM applications ORDER BY id")).rows.map((r) => [String(r.id), Number(r.f)]));
  const application = (id: string, state = "submitted", preferences = "[]") =>
    run(
      `INSERT INTO applications (id, intake_id, reference, state, grade, area_id, community_id, preferences, personal, sensitive, submitted_at, retain_until, created_at, updated_at)
       VALUES (?, '2026', ?, ?, '1', 'qingxi', 'wenchang', ?, 'x', 'x', ?, '2030-01-01', '2026-05-01', '2026-05-01')`,
      [id, `RX2026-0000${id}`, state, preferences, `2026-05-0${id}T00:00:00.000Z`],
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

  it("keeps each queued application's schools with its review key", async () => {
    const schools = async () =>
      (
        await run(`SELECT s.application_id AS a, s.section_id AS s, s.review_key = ${REVIEW_KEY_SQL} AS same FROM application_schools s JOIN applications a ON a.id = s.application_id ORDER BY 1, 2`)
      ).rows.map((r) => `${String(r.a)}:${String(r.s)}:${Number(r.same)}`);
    await application("1", "submitted", '["x", "y"]');
    await application("2", "draft", '["x"]');
    expect(await schools()).toEqual(["1:x:1", "1:y:1"]);
    await run("UPDATE applications SET state = 'eligible' WHERE id = '1'");
    await run("UPDATE applications SET state = 'submitted', submitted_at = '2026-05-09T00:00:00.000Z' WHERE id = '2'");
    expect(await schools()).toEqual(["1:x:1", "1:y:1", "2:x:1"]);
    await run("UPDATE applications SET state = 'offered', offer_section = 'z' WHERE id = '1'");
    await run(`UPDATE applications SET preferences = '["w", "x", "w"]' WHERE id = '2'`);
    expect(await schools()).toEqual(["1:x:1", "1:y:1", "1:z:1", "2:w:1", "2:x:1"]);
    await run("DELETE FROM applications WHERE id = '1'");
    expect(await schools()).toEqual(["2:w:1", "2:x:1"]);
  });
});
