/**
 * `loadDraft`: the no-JavaScript application's draft a cookie names, opened, for the check
 * answers and change steps; with `submitted`, also a draft already submitted (a second
 * click on submit, or its errors shown again).
 */
import type { DraftInput } from "../../../src/domain/enrolment/application";
import type { SecureCtx } from "../context";
import { openApplication } from "./internal/application-record";
import { draftRowForSubmit, findDraftRow } from "./internal/draft-token";

export async function loadDraft({ ctx, input }: { ctx: SecureCtx; input: { token: string | undefined; submitted?: boolean } }): Promise<{ id: string; draft: DraftInput } | null> {
  const { token } = input;
  if (!token) return null;
  const row = input.submitted ? await draftRowForSubmit(ctx, token) : await findDraftRow(ctx, token);
  return row ? { id: row.id, draft: await openApplication(ctx.keys, row) } : null;
}
