/**
 * The application form one question group per page (issue 16 item 6), the same with and
 * without a script: the groups in order, which group a field path belongs to, the answers of
 * other groups as hidden `name=value` pairs, and `decideStep`, the one rule both paths follow
 * when 继续 or 上一步 is pressed: show this group again with its errors (and only its
 * errors: later groups are not yet filled), the next or previous group, or, after the last
 * group (or a change made from the check page), the checked draft for the check page. A
 * problem found only when everything is checked (a school of another grade, the permit
 * holder) sends the family back to the group it belongs to.
 */
import type { FieldError } from "../../domain/errors";
import { draftSchema, type DraftInput } from "../../domain/enrolment/application";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { fieldErrorsOf } from "../field-errors";
import type { FormValues } from "../html";

export const FORM_STEPS = [
  { id: "grade", title: "申请年级" },
  { id: "child", title: "孩子的信息" },
  { id: "guardians", title: "监护人" },
  { id: "permit", title: "居住证" },
  { id: "address", title: "现居住地址" },
  { id: "work", title: "就业情况" },
  { id: "preferences", title: "志愿学校" },
  { id: "specialNeeds", title: "特殊教育需要" },
] as const;
export type FormStepId = (typeof FORM_STEPS)[number]["id"];

/** The fields a step form posts besides the answers. */
const CONTROL_FIELDS = ["step", "nav", "return", "intake"] as const;

/** The group a field path (`guardians.0.phone`) belongs to; -1 for none. */
export function stepIndexOf(path: string): number {
  const head = path.split(".")[0];
  return FORM_STEPS.findIndex((s) => s.id === head);
}

export function stepIndexById(id: unknown): number {
  return FORM_STEPS.findIndex((s) => s.id === id);
}

/** A nested answer object as the dotted `name=value` pairs a form posts (empty values kept, so a cleared field stays cleared). */
export function flattenValues(value: unknown, prefix = ""): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object") return prefix ? [[prefix, String(value)]] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenValues(v, prefix ? `${prefix}.${k}` : k));
}

/** The answers of a posted step form, without its control fields and the honeypot (checked by the caller). */
export function answersOf(posted: FormValues): FormValues {
  const answers: FormValues = { ...posted };
  for (const name of CONTROL_FIELDS) delete answers[name];
  delete answers.website;
  return answers;
}

/** The step form's own fields are what the pages write (a known group, 继续 or 上一步, a return to the check page), or the post is malformed. */
export function controlsValid(posted: FormValues): boolean {
  return stepIndexById(posted.step) >= 0 && [undefined, "next", "back"].includes(posted.nav as string | undefined) && [undefined, "", "check"].includes(posted.return as string | undefined);
}

export type StepDecision = { kind: "show"; step: number; errors: FieldError[] } | { kind: "check"; draft: DraftInput };

export function decideStep(catalogue: Catalogue, posted: FormValues): StepDecision {
  const step = Math.max(0, stepIndexById(posted.step));
  const answers = answersOf(posted);
  if (posted.nav === "back") return { kind: "show", step: Math.max(0, step - 1), errors: [] };
  const parsed = draftSchema(catalogue).safeParse(answers);
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  const own = errors.filter((e) => stepIndexOf(e.path) === step);
  if (own.length > 0) return { kind: "show", step, errors: own };
  const finishing = posted.return === "check" || step === FORM_STEPS.length - 1;
  if (!finishing) return { kind: "show", step: step + 1, errors: [] };
  if (parsed.success) return { kind: "check", draft: parsed.data };
  const steps = errors.map((e) => stepIndexOf(e.path)).filter((i) => i >= 0);
  if (steps.length === 0) return { kind: "show", step, errors };
  const first = Math.min(...steps);
  return { kind: "show", step: first, errors: errors.filter((e) => stepIndexOf(e.path) === first) };
}
