/**
 * What the staff console sends about applications: queue filters, reveals with a reason
 * code, document reviews, requests for information and eligibility decisions. Strict, so no
 * other field can ride along (SECURITY.md item 1).
 */
import { z } from "../zod";
import { longText } from "../text";
import { SectionId } from "./intake";
import { APPLICATION_STATES } from "./states";
import { GRADES, INELIGIBLE_REASONS } from "./vocabulary";
import { QueueCursor } from "../complaint/schemas";

/** Days after submission by which a review should be done; later ones are "overdue". */
export const REVIEW_DAYS = 10;
export const PAGE_SIZE = 25;

/** "Documents to review": applications with at least one document still pending review. */
export const DOCUMENT_FILTERS = ["pending"] as const;
/** Five digits or more: references are padded to five and write every digit past 99,999 (RX2026-100000). */
export const ApplicationReference = /^RX\d{4}-\d{5,}$/i;

/**
 * The review queue (issue 19): filters (all optional, combined with AND), a reference search
 * and where the page starts (an opaque keyset cursor). `school` matches an application that
 * ranks the school among its preferences or was offered it. An empty parameter (a GET form's
 * unselected option) means "any".
 */
const anyIfEmpty = (v: unknown) => (v === "" ? undefined : v);
export const ApplicationQuery = z.strictObject({
  state: z.preprocess(anyIfEmpty, z.enum(APPLICATION_STATES).optional()),
  grade: z.preprocess(anyIfEmpty, z.enum(GRADES).optional()),
  school: z.preprocess(anyIfEmpty, SectionId.optional()),
  documents: z.preprocess(anyIfEmpty, z.enum(DOCUMENT_FILTERS).optional()),
  q: z.preprocess(
    anyIfEmpty,
    z.string().trim().regex(ApplicationReference, { error: "请输入完整的受理编号，例如RX2026-00001。" }).optional(),
  ),
  after: z.preprocess(anyIfEmpty, QueueCursor.optional()),
});
export type ApplicationQuery = z.output<typeof ApplicationQuery>;

export const ApplicationId = z.uuid("申请编号不正确");

export const REVEALABLE_FIELDS = ["child.idNumber", "guardians.0.idNumber", "guardians.1.idNumber", "permit.number", "specialNeeds"] as const;
export const REVEAL_REASONS = ["verify_identity", "verify_documents", "contact_family", "special_needs_placement", "legal_request"] as const;
export const REVEAL_REASON_LABELS: Record<(typeof REVEAL_REASONS)[number], string> = {
  verify_identity: "核对身份",
  verify_documents: "与上传材料核对",
  contact_family: "联系家庭",
  special_needs_placement: "安排特殊教育",
  legal_request: "依法查询",
};

export const RevealInput = z.strictObject({
  field: z.enum(REVEALABLE_FIELDS, { error: "请选择要查看的内容" }),
  reason: z.enum(REVEAL_REASONS, { error: "请选择查看的理由" }),
});

const familyText = (missing: string) => longText({ error: missing }).trim().min(4, missing).max(500, "最多500个字");

export const DocumentReviewInput = z
  .strictObject({
    review: z.enum(["accepted", "rejected"], { error: "请选择通过或不通过" }),
    reason: longText().trim().max(300, "最多300个字").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.review === "rejected" && v.reason.length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: "不通过时请写明原因，家庭会看到这段话" });
  });

export const RequestInfoInput = z.strictObject({ message: familyText("请写明需要家庭补充哪些材料（至少4个字）") });

export const DecisionInput = z
  .strictObject({
    decision: z.enum(["eligible", "ineligible"], { error: "请选择符合或不符合条件" }),
    reasonCode: z.enum(INELIGIBLE_REASONS).optional(),
    text: longText().trim().max(500, "最多500个字").default(""),
    /** Points confirmed against the documents (defaults to the declared points). */
    points: z.number().int().min(0).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "ineligible") {
      if (!v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "请选择不符合条件的原因" });
      if (v.text.length < 4) ctx.addIssue({ code: "custom", path: ["text"], message: "请向家庭说明原因和可以怎么做（至少4个字）" });
    }
  });

export const RunId = z.uuid("分配批次编号不正确");
