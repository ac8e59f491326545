/**
 * `decideComplaint`: intake accepts a case or refuses it with a reason the filer reads on the
 * tracking page; a named filer is told either way.
 */
import type { DecideInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const decideComplaint = caseChange<DecideInput>(
  "complaints.triage",
  (input) => (input.decision === "accept" ? "accept" : "not_accept"),
  async (input, _tx, _row, today) =>
    input.decision === "accept"
      ? { patch: { decidedOn: today, acceptedOn: today }, event: { visibility: "public", text: input.reason ?? null }, notify: "已受理。我们将在60日内答复您。" }
      : {
          patch: { decidedOn: today, notAcceptedReason: input.reason! },
          event: { visibility: "public", text: input.reason! },
          notify: "经审查不予受理，理由已在查询页面列明。",
        },
);
