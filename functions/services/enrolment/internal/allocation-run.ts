/**
 * What the allocation verbs share: an applicant's pseudonymous id in a run (keyed HMAC of the
 * application id, never a reference or a name), the summary of a run's result the supervisor
 * inspects, and the "no such run" refusal.
 */
import { DomainError } from "../../../../src/domain/errors";
import type { AllocationResult } from "../../../../src/domain/enrolment/allocation";
import { blindIndex } from "../../../platform/field-crypto";
import type { SecureCtx } from "../../context";

export async function publicIdOf(ctx: Pick<SecureCtx, "keys">, applicationId: string): Promise<string> {
  return `A${(await blindIndex(ctx.keys, "allocation-id", applicationId)).slice(0, 12)}`;
}

export function runSummary(result: AllocationResult) {
  return {
    seed: result.seed,
    inputDigest: result.inputDigest,
    programs: result.programs.map((p) => ({ id: p.id, label: p.label, seats: p.seats, applicants: p.applicants, catchmentApplicants: p.catchmentApplicants, offers: p.offers, waitlist: p.waitlist.length })),
    applicants: result.applicants.map((a) => ({ id: a.id, offer: a.offer, reason: a.reason, explanation: a.explanation })),
    offered: result.applicants.filter((a) => a.offer !== null).length,
    unplaced: result.applicants.filter((a) => a.offer === null).length,
  };
}

export const noSuchRun = () => new DomainError("not_found", "没有这个分配批次。");
