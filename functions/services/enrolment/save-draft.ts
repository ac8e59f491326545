/**
 * `saveDraft`: a step of the no-JavaScript application. The form is checked with the draft
 * schema of the published catalogue (every problem at once, shown beside the form again);
 * a good one is kept as an application in state `draft`, sealed like any application, and
 * found again by the random token of its `__Host-` cookie (./internal/draft-token).
 */
import { eq } from "drizzle-orm";
import { applications } from "../../../db/schema";
import { DomainError } from "../../../src/domain/errors";
import { draftSchema } from "../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { assertNoHoneypot } from "../../middleware/honeypot";
import type { SecureCtx } from "../context";
import { sealApplication } from "./internal/application-record";
import { DRAFT_HOURS, findDraftRow, newToken, tokenHash } from "./internal/draft-token";

export type SaveDraft = { catalogue: Catalogue; token: string | undefined; values: Record<string, unknown> };

export async function saveDraft({ ctx, input }: { ctx: SecureCtx; input: SaveDraft }): Promise<{ id: string; token: string }> {
  const { catalogue, token } = input;
  const { intake: _intake, ...values } = assertNoHoneypot(input.values);
  const parsed = draftSchema(catalogue).safeParse(values);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw new DomainError("validation", fields[0]!.message, { fields });
  }
  const draft = parsed.data;
  const at = ctx.clock.now().toISOString();
  const found = token ? await findDraftRow(ctx, token) : undefined;
  if (found && token) {
    await ctx.db.update(applications).set({ ...(await sealApplication(ctx.keys, found.id, draft, catalogue)), updatedAt: at }).where(eq(applications.id, found.id));
    return { id: found.id, token };
  }
  const id = crypto.randomUUID();
  const fresh = newToken();
  await ctx.db.insert(applications).values({
    id,
    intakeId: catalogue.intake.id,
    state: "draft",
    ...(await sealApplication(ctx.keys, id, draft, catalogue)),
    draftTokenHash: await tokenHash(fresh),
    retainUntil: new Date(ctx.clock.now().getTime() + DRAFT_HOURS * 3600 * 1000).toISOString(),
    createdAt: at,
    updatedAt: at,
  });
  return { id, token: fresh };
}
