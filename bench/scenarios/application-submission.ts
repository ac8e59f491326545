/**
 * Application submission (issue 8): POST /api/enrol/applications on the real Node entry with
 * its file database, 50 connections for 10 s of distinct valid applications (each child's ID
 * number unique and valid), each with a 200 KB PDF residence permit and a small PNG hukou
 * page, against GET /api/health on the same server and raw libSQL inserts of the same
 * application and document rows. Afterwards applications, their document rows and the
 * uploaded files must match the 2xx answers. Outside the intake's application window the
 * portal refuses every application, so the scenario is then "not available".
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readDistrict } from "../../src/content-data/district";
import { readCurrentCatalogue } from "../../src/content-data/intakes";
import { isWindowOpen } from "../../src/domain/enrolment/intake";
import { pdfOfSize, smallPng } from "../fixtures/documents";
import { applicationRequest, type Document } from "../fixtures/submissions";
import { readRows, type StoredRow } from "../harness/raw-inserts";
import { runSubmissionScenario } from "../harness/submission-scenario";
import { NotAvailable, type Scenario } from "../harness/types";

export const DOCUMENT_BYTES = 200 * 1024;

export const applicationSubmission: Scenario = {
  id: "application-submission",
  title: "Application submission",
  async run(ctx) {
    if (!existsSync(path.join(ctx.root, "functions/routes/enrolment/index.ts"))) throw new NotAvailable("the enrolment API (functions/routes/enrolment) is not in this build");
    const catalogue = await readCurrentCatalogue(ctx.root, await readDistrict(ctx.root));
    if (!catalogue) throw new NotAvailable("no intake in content/intakes");
    const { window_opens, window_closes } = catalogue.intake.dates;
    if (!isWindowOpen(catalogue.intake, new Date()))
      throw new NotAvailable(`today is outside intake ${catalogue.intake.id}'s application window (${window_opens}..${window_closes}), when every application is refused`);
    const documents: Document[] = [
      { field: "documents.residence_permit", fileName: "permit.pdf", type: "application/pdf", bytes: pdfOfSize(DOCUMENT_BYTES) },
      { field: "documents.hukou", fileName: "hukou.png", type: "image/png", bytes: smallPng() },
    ];
    return runSubmissionScenario(ctx, {
      route: "POST /api/enrol/applications",
      make: (n, run) => applicationRequest(n, run, documents),
      counted: (run) => [{ label: "application with two documents", request: applicationRequest(0, run, documents), budget: 3 }],
      counts: [
        { label: "applications stored", sql: "SELECT count(*) FROM applications", perSubmission: 1 },
        { label: "document rows stored", sql: "SELECT count(*) FROM application_documents", perSubmission: documents.length },
      ],
      blobsPerSubmission: documents.length,
      storedRows: async (dbFile) => {
        const docs = new Map<string, StoredRow[]>();
        for (const values of await readRows(dbFile, "SELECT * FROM application_documents ORDER BY uploaded_at, kind")) {
          const list = docs.get(String(values.application_id)) ?? [];
          list.push({ table: "application_documents", values });
          docs.set(String(values.application_id), list);
        }
        const apps = await readRows(dbFile, "SELECT * FROM applications ORDER BY submitted_at");
        return apps.map((values) => [{ table: "applications", values }, ...(docs.get(String(values.id)) ?? [])]);
      },
    });
  },
};
