/**
 * `saveDraftStep`: one question group of the no-JavaScript form (issue 16 item 6). The posted
 * page carries every answer (its group's inputs and the others' hidden copies); the one step
 * rule (src/forms/enrolment/form-steps) decides what comes next. Only when the whole draft
 * is good is it saved (saveDraft: sealed, found again by its cookie), ready for the check
 * page; until then nothing is stored.
 */
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import type { FieldError } from "../../../src/domain/errors";
import { answersOf, controlsValid, decideStep } from "../../../src/forms/enrolment/form-steps";
import { DomainError } from "../../../src/domain/errors";
import { assertNoHoneypot } from "../../middleware/honeypot";
import type { SecureCtx } from "../context";
import { saveDraft } from "./save-draft";

export const MALFORMED_STEP = "请求格式不正确：这一页的步骤信息有误，请回到申请表第一页重新填写。";

export type SaveDraftStep = { catalogue: Catalogue; token: string | undefined; values: Record<string, unknown> };
export type DraftStepOutcome = { kind: "show"; step: number; errors: FieldError[]; values: Record<string, unknown> } | { kind: "saved"; id: string; token: string };

export async function saveDraftStep({ ctx, input }: { ctx: SecureCtx; input: SaveDraftStep }): Promise<DraftStepOutcome> {
  const posted = assertNoHoneypot(input.values);
  if (!controlsValid(posted)) throw new DomainError("validation", MALFORMED_STEP);
  const decision = decideStep(input.catalogue, posted);
  if (decision.kind === "show") return { ...decision, values: answersOf(posted) };
  const saved = await saveDraft({ ctx, input: { catalogue: input.catalogue, token: input.token, values: answersOf(posted) } });
  return { kind: "saved", ...saved };
}
