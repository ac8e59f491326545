/**
 * Vocabularies of migrant-children enrolment (DOMAIN.md §3), each one `as const` array with
 * its Chinese labels beside it (DESIGN.md convention 4), reused by zod, drizzle and pages.
 */

/** Grades a family can apply for: first year of primary (一年级) and of junior middle (七年级). */
export const GRADES = ["1", "7"] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { "1": "小学一年级", "7": "初中七年级" };

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: "男", female: "女" };

export const RELATIONSHIPS = ["father", "mother", "other_guardian"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS: Record<Relationship, string> = { father: "父亲", mother: "母亲", other_guardian: "其他法定监护人" };

/** How the guardian who holds the residence permit works (居住证暂行条例 art. 2: stable work). */
export const WORK_KINDS = ["employee", "self_employed", "flexible"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Record<WorkKind, string> = { employee: "受雇就业", self_employed: "个体经营", flexible: "灵活就业" };

/** Special-education placement a family asks for (随班就读 or a special school). */
export const PLACEMENTS = ["regular_class", "special_school"] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const PLACEMENT_LABELS: Record<Placement, string> = { regular_class: "随班就读（普通班级）", special_school: "特殊教育学校" };

export const YES_NO = ["yes", "no"] as const;

/** Documents a family uploads (DOMAIN.md §3). */
export const DOCUMENT_KINDS = ["residence_permit", "hukou", "birth_certificate", "housing", "work_proof", "special_needs", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  residence_permit: "居住证",
  hukou: "户口簿",
  birth_certificate: "出生医学证明",
  housing: "房屋租赁合同（已登记备案）或房产证",
  work_proof: "劳动合同、营业执照或社保缴纳证明",
  special_needs: "残疾证或医学诊断证明",
  other: "其他材料",
};

/** Who needs a document, said once as a hint rather than in a second bracket (docs/style.md). */
export const DOCUMENT_KIND_HINTS: Partial<Record<DocumentKind, string>> = {
  birth_certificate: "申请一年级的孩子请上传",
  special_needs: "孩子有特殊需要、希望学校了解时上传",
};

/** How staff judge one document. */
export const DOCUMENT_REVIEWS = ["pending", "accepted", "rejected"] as const;
export type DocumentReview = (typeof DOCUMENT_REVIEWS)[number];
export const DOCUMENT_REVIEW_LABELS: Record<DocumentReview, string> = { pending: "待审核", accepted: "已通过", rejected: "未通过" };

/** Reason codes for an ineligible decision; the officer adds a text for the family. */
export const INELIGIBLE_REASONS = ["age", "no_permit", "permit_expired", "outside_district", "documents", "duplicate", "other"] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];
export const INELIGIBLE_REASON_LABELS: Record<IneligibleReason, string> = {
  age: "年龄不符合入学要求",
  no_permit: "未取得本市居住证",
  permit_expired: "居住证已过期",
  outside_district: "不居住在本区",
  documents: "材料不真实或无法核实",
  duplicate: "重复申请",
  other: "其他原因",
};
