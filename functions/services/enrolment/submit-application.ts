/**
 * `submitApplication`: the JavaScript path's one submission. The application (checked with
 * the published catalogue's schema) and its documents are checked together, so the family
 * sees every problem at once; the documents are then sealed into the blob store and the
 * application filed (./internal/file-application) under the client's Idempotency-Key.
 */
import { DomainError } from "../../../src/domain/errors";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { REQUIRED_DOCUMENTS } from "../../../src/forms/enrolment/application-form";
import { assertNoHoneypot } from "../../middleware/honeypot";
import type { SecureCtx } from "../context";
import { inspectWithForm, storeDocuments, type PostedDocument } from "./internal/documents";
import { fileApplication, type Receipt } from "./internal/file-application";

export type SubmitApplication = { catalogue: Catalogue; application: unknown; files: readonly PostedDocument[]; idempotencyKey: string | undefined };

export const MISSING_KEY = "请求缺少Idempotency-Key（8到128个可见字符），请刷新页面后重试。";

export async function submitApplication({ ctx, input }: { ctx: SecureCtx; input: SubmitApplication }): Promise<Receipt & { replayed: boolean }> {
  const { catalogue, application, files, idempotencyKey } = input;
  if (!idempotencyKey) throw new DomainError("validation", MISSING_KEY);
  const body = typeof application === "object" && application !== null ? assertNoHoneypot(application as Record<string, unknown>) : application;
  const parsed = applicationSchema(catalogue).safeParse(body);
  const inspected = await inspectWithForm(parsed.success ? [] : fieldErrorsOf(parsed.error), files, REQUIRED_DOCUMENTS);
  if (!parsed.success) throw new DomainError("validation", "提交的内容有误。");
  const documents = await storeDocuments(ctx, inspected);
  return fileApplication({ ctx, catalogue, input: parsed.data, documents, idempotencyKey });
}
