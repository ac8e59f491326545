/**
 * Complaint categories (DOMAIN.md §4): one `as const` vocabulary reused by the zod schema,
 * the drizzle column, the form and the statistics. Each names the policy clause(s) it
 * enforces, the department that leads on it (a `DEPARTMENTS` id, so a case links to that
 * department's duties) and a one-line hint; safety and bullying carry `emergency`, so the
 * form shows the emergency hotline before anything else. The response templates are the
 * starting text triage and liaisons adapt; they never promise an outcome.
 */
import type { Department } from "../staff/departments";

export const COMPLAINT_CATEGORIES = [
  "admission-exam",
  "key-classes",
  "fees",
  "tutoring",
  "curriculum",
  "burden",
  "teacher-conduct",
  "enrolment-refused",
  "funds",
  "building-land",
  "safety",
  "other",
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export type CategoryInfo = {
  label: string;
  hint: string;
  /** Clause ids (`src/domain/policy/clause.ts`); the first is the main one. */
  clauses: readonly string[];
  department: Department;
  /** Safety and bullying: the emergency hotline comes first on the form and the receipt. */
  emergency: boolean;
  /** The starting text of an answer; staff replace the bracketed parts. */
  template: string;
};

const TEMPLATE_TAIL = "如对本答复不满意，可以在收到答复之日起30日内申请复查。";

export const CATEGORY_INFO: Record<ComplaintCategory, CategoryInfo> = {
  "admission-exam": {
    label: "与入学挂钩的选拔考试",
    hint: "学校在招生时组织或变相组织笔试、面试、测评，或以竞赛证书、培训机构成绩作为录取依据。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经调查，[学校]在[时间]招生工作中[是否]存在与入学挂钩的考试或测试。[处理措施]。${TEMPLATE_TAIL}`,
  },
  "key-classes": {
    label: "重点班、快慢班",
    hint: "按成绩分设重点班、实验班、快慢班，或变相按成绩编班。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查，[学校]的编班情况为：[核查结果]。[处理措施]。${TEMPLATE_TAIL}`,
  },
  fees: {
    label: "违规收费、强制购买",
    hint: "收取择校费、赞助费、借读费，强制购买教辅、校服或其他商品，或代收费用不公开。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查，[学校]收取[项目]的情况为：[核查结果]。[是否清退及金额]。${TEMPLATE_TAIL}`,
  },
  tutoring: {
    label: "违规办班、有偿补课",
    hint: "学校或在职教师组织有偿补课，在节假日、寒暑假集体补课，或诱导学生参加校外培训。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经调查，[学校/教师]组织补课的情况为：[核查结果]。[处理措施]。${TEMPLATE_TAIL}`,
  },
  curriculum: {
    label: "课程课时未开齐开足",
    hint: "体育、艺术、科学等课程被挤占或不开设，课时不足，或提前、超标教学。",
    clauses: ["5.4", "5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查[学校]课程表和教学记录，[课程]的开设情况为：[核查结果]。[整改要求]。${TEMPLATE_TAIL}`,
  },
  burden: {
    label: "作业、考试和排名负担",
    hint: "作业量超标，考试次数过多，公布学生成绩或排名。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查，[学校]的作业和考试安排为：[核查结果]。[整改要求]。${TEMPLATE_TAIL}`,
  },
  "teacher-conduct": {
    label: "师德师风",
    hint: "教师体罚或变相体罚、歧视、侮辱学生，收受家长财物，或其他违反职业道德的行为。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经调查，[学校]教师[行为]的情况为：[核查结果]。[处理措施]。${TEMPLATE_TAIL}`,
  },
  "enrolment-refused": {
    label: "随迁子女或残疾儿童入学受阻",
    hint: "持居住证的随迁子女或残疾儿童被拒绝入学，或被要求提供规定以外的证明材料。",
    clauses: ["4.2", "4.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查，[学校]办理入学的情况为：[核查结果]。[安排入学的学校和时间]。${TEMPLATE_TAIL}`,
  },
  funds: {
    label: "教育经费使用",
    hint: "教育经费、专项补助未按规定拨付、挪用或使用不公开。",
    clauses: ["5.1", "2.1"],
    department: "caizheng-ju",
    emergency: false,
    template: `经核查[年度][项目]经费的拨付和使用情况：[核查结果]。[处理措施]。${TEMPLATE_TAIL}`,
  },
  "building-land": {
    label: "校舍建设和学校用地",
    hint: "学校建设项目停滞、质量问题，或学校规划用地被占用、随意调整。",
    clauses: ["5.1"],
    department: "jianshe-ju",
    emergency: false,
    template: `经核查，[项目]的建设或用地情况为：[核查结果]。[处理措施和时间安排]。${TEMPLATE_TAIL}`,
  },
  safety: {
    label: "安全与欺凌",
    hint: "校园欺凌、校园安全隐患、食品安全等。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: true,
    template: `收到反映后，[学校]已于[时间]采取[措施]。经调查：[核查结果]。[后续安排]。${TEMPLATE_TAIL}`,
  },
  other: {
    label: "其他",
    hint: "不属于以上类别的违规办学行为。",
    clauses: ["5.3"],
    department: "jiaoyu-ju",
    emergency: false,
    template: `经核查：[核查结果]。[处理措施]。${TEMPLATE_TAIL}`,
  },
};

/** Routing: the department a new case of `category` goes to unless triage decides otherwise. */
export function leadDepartmentOf(category: ComplaintCategory): Department {
  return CATEGORY_INFO[category].department;
}

export const categoryLabel = (category: ComplaintCategory) => CATEGORY_INFO[category].label;
