/**
 * The contracts of the complaint API (DESIGN.md convention 3), shared by the browser form,
 * the no-JavaScript form post and the server. Strict objects: a public request cannot set
 * `status`, `department` or anything else it may not (SECURITY.md item 1). Form fields are
 * flat (`contactMode`, `name`, `phone`…) so a plain HTML form posts exactly this shape; empty
 * strings from blank inputs count as "not given". The submission is normalised into a
 * nested `contact` so the service never sees a half-named filer.
 */
import { z } from "../zod";
import { longText, plainText } from "../text";
import { DEPARTMENTS } from "../staff/departments";
import { COMPLAINT_CATEGORIES } from "./categories";
import { COMPLAINT_STATUSES, OUTCOMES, RATINGS } from "./states";
import { MAX_EXTENSION_DAYS } from "./deadlines";
import { COMPLAINT_PHONE } from "./phone-search";
import { SCHOOL_DIRECTORY } from "./directory.generated";

/** The school field's value when the complaint is not about one school. */
export const NOT_ONE_SCHOOL = "none";
export const TEXT_MAX = 5000;
/** Attachments per complaint (images or PDF, each ≤ MAX_UPLOAD_BYTES, src/domain/uploads). */
export const MAX_ATTACHMENTS = 5;
export const CONTACT_MODES = ["anonymous", "named"] as const;
const SCHOOL_IDS: ReadonlySet<string> = new Set(SCHOOL_DIRECTORY.map((s) => s.id));

/** A school's name for display, or the "not one school" wording. */
export function schoolName(id: string): string {
  if (id === NOT_ONE_SCHOOL) return "不针对某一所学校";
  return SCHOOL_DIRECTORY.find((s) => s.id === id)?.name ?? id;
}

/** A blank input (spaces, tabs, line ends only) is "not given"; other invisible text goes on to the text rule, which refuses it. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && /^[ \t\r\n\u00a0\u3000]*$/.test(v) ? undefined : v);
const TEXT_OF = { plain: plainText, long: longText } as const;
const optionalText = (max: number, message: string, kind: keyof typeof TEXT_OF = "long") =>
  z.preprocess(blankToUndefined, TEXT_OF[kind]().trim().max(max, { error: message }).optional());
/**
 * A checkbox: ticked is the form's value "on" (or "true", "1", JSON true), unticked is absent
 * (or JSON false). Anything else (another string, a number, an object) is a field error, not
 * silently read as unticked.
 */
export const CHECKBOX_MESSAGE = "这一项只能勾选或不勾选，请刷新页面后重新提交。";
const TICKED: readonly unknown[] = [true, "on", "true", "1"];
const Checkbox = z.preprocess(
  (v) => (TICKED.includes(v) ? true : v),
  z.boolean({ error: CHECKBOX_MESSAGE }),
);

const Category = z.enum(COMPLAINT_CATEGORIES, { error: "请选择投诉类别" });
const Text = (what: string, min = 1, max = TEXT_MAX) =>
  longText({ error: `请填写${what}` })
    .trim()
    .min(min, { error: min > 1 ? `请至少用${min}个字写明${what}。` : `请填写${what}。` })
    .max(max, { error: `${what}最多${max}个字，请删减后再提交。` });
/** Staff texts: the console's JSON bodies are capped at 16 KB (routes/staff), ~3 bytes a character. */
export const STAFF_TEXT_MAX = 3000;

export const SubmitComplaintFields = z.strictObject({
  category: Category,
  school: z
    .string({ error: "请选择学校，或选择“不针对某一所学校”" })
    .trim()
    .min(1, { error: "请选择学校，或选择“不针对某一所学校”", abort: true })
    .refine((id) => id === NOT_ONE_SCHOOL || SCHOOL_IDS.has(id), { error: "请从列表中选择学校，或选择“不针对某一所学校”" }),
  whatHappened: Text("发生了什么", 10),
  happenedOn: z
    .string({ error: "请填写事情发生的日期" })
    .trim()
    .min(1, { error: "请填写事情发生的日期", abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "请按年-月-日填写日期，例如2026-09-01", abort: true })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: "请填写一个存在的日期，例如2026-09-01",
    }),
  contactMode: z.enum(CONTACT_MODES, { error: "请选择是否留下联系方式" }),
  /** How the filer wishes to be addressed (not a legal name checked against an ID): plain text, not the stricter name rule. */
  name: optionalText(50, "姓名不能超过50个字", "plain"),
  phone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .transform((s) => s.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(COMPLAINT_PHONE, { error: "请输入11位手机号码或带区号的固定电话，例如13800138000" }))
      .optional(),
  ),
  email: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "请输入正确的电子邮箱，例如name@example.com" })).optional(),
  ),
  /** Named filers only: the handling department may see who they are and contact them. */
  departmentMayContact: Checkbox.optional(),
  /** Consent to publish a redacted summary of the answer (never the complaint's own words). */
  publishConsent: Checkbox.optional(),
});

export type ComplaintContact =
  | { mode: "anonymous" }
  | { mode: "named"; name: string; phone: string | null; email: string | null; departmentMayContact: boolean };

export const SubmitComplaintInput = SubmitComplaintFields.superRefine((v, ctx) => {
  if (v.contactMode !== "named") return;
  if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "实名投诉请填写姓名；不想留名请选择“匿名投诉”" });
  if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "实名投诉请填写手机号码或电子邮箱，至少一项" });
}).transform((v) => ({
  category: v.category,
  school: v.school,
  whatHappened: v.whatHappened,
  happenedOn: v.happenedOn,
  publishConsent: v.publishConsent ?? false,
  // An anonymous filer's stray name or phone is dropped, never stored.
  contact: (v.contactMode === "named"
    ? { mode: "named", name: v.name!, phone: v.phone ?? null, email: v.email ?? null, departmentMayContact: v.departmentMayContact ?? false }
    : { mode: "anonymous" }) as ComplaintContact,
}));
export type SubmitComplaintInput = z.output<typeof SubmitComplaintInput>;

export const Reference = z
  .string({ error: "请输入受理编号" })
  .trim()
  .toUpperCase()
  .regex(/^TS\d{4}-\d{5,}$/, { error: "请按收据上的格式输入受理编号，例如TS2026-00007" });

export const ReceiptCode = plainText({ error: "请输入查询码" })
  .trim()
  .min(1, { error: "请输入查询码" })
  .max(80, { error: "查询码太长，请核对收据" });

/** Every filer action carries the receipt: reference + code, by POST, never in a URL. */
const Receipt = { reference: Reference, code: ReceiptCode };

export const TrackInput = z.strictObject(Receipt);
export type TrackInput = z.infer<typeof TrackInput>;

export const AddInformationInput = z.strictObject({ ...Receipt, text: Text("补充的内容", 2) });
export type AddInformationInput = z.infer<typeof AddInformationInput>;

export const RateInput = z.strictObject({ ...Receipt, rating: z.enum(RATINGS, { error: "请选择满意、基本满意或不满意" }) });
export type RateInput = z.infer<typeof RateInput>;

export const ReviewRequestInput = z.strictObject({ ...Receipt, reason: Text("申请复查的理由", 5) });
export type ReviewRequestInput = z.infer<typeof ReviewRequestInput>;

/* ---- staff ---- */

export const DecideInput = z
  .strictObject({
    decision: z.enum(["accept", "not_accept"], { error: "请选择受理或不予受理" }),
    reason: optionalText(1000, "理由不能超过1000个字"),
  })
  .refine((v) => v.decision === "accept" || !!v.reason, { path: ["reason"], error: "不予受理时请写明理由，理由会告知投诉人" });
export type DecideInput = z.infer<typeof DecideInput>;

export const MergeInput = z.strictObject({ into: Reference });
export const RecategoriseInput = z.strictObject({ category: Category });
export const AssignInput = z.strictObject({ department: z.enum(DEPARTMENTS, { error: "请选择责任部门" }) });
export const RequestInformationInput = z.strictObject({ message: Text("需要投诉人补充的内容", 2, 1000) });
export const ExtendInput = z.strictObject({
  days: z.coerce
    .number({ error: "请填写延长的天数" })
    .int({ error: "延长天数须为整数" })
    .min(1, { error: "延长天数至少1天" })
    .max(MAX_EXTENSION_DAYS, { error: `延长不能超过${MAX_EXTENSION_DAYS}天（信访工作条例第三十四条）` }),
  notice: Text("告知投诉人的延期理由", 5, 1000),
});
export const NoteInput = z.strictObject({ text: Text("调查记录", 2, STAFF_TEXT_MAX) });
export const DraftAnswerInput = z.strictObject({
  outcome: z.enum(OUTCOMES, { error: "请选择办理结果" }),
  answer: Text("答复内容", 10, STAFF_TEXT_MAX),
  /** A redacted summary for publication; only used when the filer consented. */
  publicSummary: optionalText(500, "公开摘要不能超过500个字"),
});
export const ReturnDraftInput = z.strictObject({ reason: Text("退回理由", 2, 1000) });

export type MergeInput = z.infer<typeof MergeInput>;
export type RecategoriseInput = z.infer<typeof RecategoriseInput>;
export type AssignInput = z.infer<typeof AssignInput>;
export type RequestInformationInput = z.infer<typeof RequestInformationInput>;
export type ExtendInput = z.infer<typeof ExtendInput>;
export type NoteInput = z.infer<typeof NoteInput>;
export type DraftAnswerInput = z.infer<typeof DraftAnswerInput>;
export type ReturnDraftInput = z.infer<typeof ReturnDraftInput>;

export const RevealContactInput = z.strictObject({ reason: Text("查看投诉人身份的理由", 4, 500) });
export type RevealContactInput = z.infer<typeof RevealContactInput>;

/** Cases per page of the staff queue. */
export const QUEUE_PAGE_SIZE = 50;

/** The queue's due-date filters: overdue, due today, due within the next 3 days (today included). */
export const DUE_FILTERS = ["overdue", "today", "soon"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DUE_SOON_DAYS = 3;
/** Cases waiting on staff: a draft answer to approve, an extension to approve, information the filer added. */
export const WAITING_FILTERS = ["draft", "extension", "information"] as const;
export type WaitingFilter = (typeof WAITING_FILTERS)[number];

/** A cursor written by src/domain/staff/queue-cursor (opaque to the console). */
export const QueueCursor = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, { error: "翻页参数无效，请回到第一页。" });

/**
 * Staff console queue: filters (all optional, combined with AND), a search, and where the
 * page starts. Most urgent first (issue 19): overdue, then due soonest, cases without a
 * running clock last. `q` is a reference (TS2026-00042) or at least two characters of
 * staff-visible text. An empty parameter (a GET form's unselected option) means "any".
 */
const anyIfEmpty = (v: unknown) => (v === "" ? undefined : v);
export const ComplaintListQuery = z.strictObject({
  status: z.preprocess(anyIfEmpty, z.enum(COMPLAINT_STATUSES).optional()),
  category: z.preprocess(anyIfEmpty, z.enum(COMPLAINT_CATEGORIES).optional()),
  department: z.preprocess(anyIfEmpty, z.enum(DEPARTMENTS).optional()),
  school: z.preprocess(anyIfEmpty, z.string().regex(/^[a-z0-9-]{1,80}$/, { error: "请从列表中选择学校" }).optional()),
  due: z.preprocess(anyIfEmpty, z.enum(DUE_FILTERS).optional()),
  waiting: z.preprocess(anyIfEmpty, z.enum(WAITING_FILTERS).optional()),
  mine: z.preprocess(anyIfEmpty, z.literal("1").optional()),
  q: z.preprocess(
    anyIfEmpty,
    plainText().trim().min(2, { error: "请至少输入两个字进行搜索" }).max(100, { error: "搜索内容不能超过100个字" }).optional(),
  ),
  after: z.preprocess(anyIfEmpty, QueueCursor.optional()),
});
export type ComplaintListQuery = z.output<typeof ComplaintListQuery>;

/** Bulk assignment (issue 19): up to a page of cases to one staff member, or to nobody (null). */
export const BulkAssignInput = z.strictObject({
  ids: z
    .array(z.string().min(1).max(64), { error: "请勾选要分派的投诉" })
    .min(1, { error: "请勾选要分派的投诉" })
    .max(QUEUE_PAGE_SIZE, { error: `一次最多分派${QUEUE_PAGE_SIZE}件` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "同一件投诉勾选了两次" }),
  assignee: z.string().min(1, { error: "请选择承办人" }).max(64).nullable(),
});
export type BulkAssignInput = z.infer<typeof BulkAssignInput>;
