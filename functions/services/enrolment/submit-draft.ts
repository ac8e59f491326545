/**
 * `submitDraft`: the no-JavaScript application's last step. The draft the cookie names, the
 * guardian's consents and the documents are checked together (every problem at once, shown
 * on the check-answers page again); then the documents are sealed into the blob store and
 * the draft becomes the application, in place. A second click after success finds the draft
 * submitted: its files are already stored, and the idempotency key derived from the draft id
 * replays the first answer. `null` when the cookie names no draft.
 */
import { DomainError } from "../../../src/domain/errors";
import { ConsentPart, type DraftInput } from "../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { REQUIRED_DOCUMENTS } from "../../../src/forms/enrolment/application-form";
import { assertNoHoneypot } from "../../middleware/honeypot";
import type { SecureCtx } from "../context";
import { openApplication } from "./internal/application-record";
import { inspectWithForm, storeDocuments, type PostedDocument } from "./internal/documents";
import { draftRowForSubmit } from "./internal/draft-token";
import { fileApplication, type Receipt } from "./internal/file-application";

export type SubmitDraft = { catalogue: Catalogue; token: string | undefined; values: Record<string, unknown>; files: readonly PostedDocument[] };

export async function submitDraft({ ctx, input }: { ctx: SecureCtx; input: SubmitDraft }): Promise<{ draft: DraftInput; receipt: Receipt & { replayed: boolean } } | null> {
  const { catalogue, files } = input;
  const row = input.token ? await draftRowForSubmit(ctx, input.token) : undefined;
  if (!row) return null;
  const draft = await openApplication(ctx.keys, row);
  const values = assertNoHoneypot(input.values);
  const consents = ConsentPart.safeParse(values.consents ?? {});
  const resubmit = row.state !== "draft";
  const formErrors = consents.success ? [] : fieldErrorsOf(consents.error, "consents");
  const inspected = resubmit ? [] : await inspectWithForm(formErrors, files, REQUIRED_DOCUMENTS);
  if (!consents.success) throw new DomainError("validation", formErrors[0]!.message, { fields: formErrors });
  const documents = resubmit ? [] : await storeDocuments(ctx, inspected);
  const receipt = await fileApplication({ ctx, catalogue, input: { ...draft, consents: consents.data }, documents, idempotencyKey: `draft-${row.id}`, draftId: row.id });
  return { draft, receipt };
}
