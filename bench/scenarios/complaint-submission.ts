/**
 * Complaint submission (issue 8): POST /api/complaints on the real Node entry with its file
 * database, 50 connections for 10 s of distinct valid complaints (half anonymous, half named),
 * against GET /api/health on the same server and against raw libSQL inserts of the same
 * complaint rows. Afterwards the complaints stored must equal the 2xx answers; then the
 * database requests of one anonymous and one named complaint are counted over HTTP.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { complaintRequest } from "../fixtures/submissions";
import { readRows } from "../harness/raw-inserts";
import { runSubmissionScenario } from "../harness/submission-scenario";
import { NotAvailable, type Scenario } from "../harness/types";

export const complaintSubmission: Scenario = {
  id: "complaint-submission",
  title: "Complaint submission",
  async run(ctx) {
    if (!existsSync(path.join(ctx.root, "functions/routes/complaints.ts"))) throw new NotAvailable("the complaints API (functions/routes/complaints.ts) is not in this build");
    return runSubmissionScenario(ctx, {
      route: "POST /api/complaints",
      make: complaintRequest,
      // Request 0 is anonymous, request 1 named; both carry an Idempotency-Key, as the form sends them.
      counted: (run) => [
        { label: "anonymous complaint", request: complaintRequest(0, run), budget: 2 },
        { label: "named complaint", request: complaintRequest(1, run), budget: 2 },
      ],
      counts: [{ label: "complaints stored", sql: "SELECT count(*) FROM complaints", perSubmission: 1 }],
      storedRows: async (dbFile) => (await readRows(dbFile, "SELECT * FROM complaints ORDER BY received_at")).map((values) => [{ table: "complaints", values }]),
    });
  },
};
