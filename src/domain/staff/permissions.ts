/**
 * The permission matrix: role × action → scope (SECURITY.md item 9). It is the one source
 * the API middleware consults (`permit(action)`), the console home page lists, and the
 * permission-walk test asserts against every `/api/staff/*` route. Anything not listed is
 * denied. Scope `all` covers every object; `department` only objects of the user's own
 * department (anything else answers 404, as if it did not exist).
 */
import type { StaffRole } from "./roles";

export const STAFF_ACTIONS = [
  "console.home",
  "users.read",
  "users.manage",
  "audit.read",
  "audit.export",
  "aggregates.read",
  "applications.review",
  "allocation.run",
  "allocation.publish",
  "complaints.triage",
  "complaints.assign",
  "complaints.answer",
  "complaints.approve_extension",
  "outbox.read",
  "outbox.resend",
  "complaints.read",
  "complaints.reveal_contact",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const STAFF_ACTION_LABELS: Record<StaffAction, string> = {
  "console.home": "进入工作台",
  "users.read": "查看工作人员账户",
  "users.manage": "邀请、停用、启用账户，重置第二因素，设置角色和部门",
  "audit.read": "查看审计日志",
  "audit.export": "导出审计日志（CSV）",
  "aggregates.read": "查看汇总统计",
  "applications.review": "审核入学申请",
  "allocation.run": "运行学位分配",
  "allocation.publish": "发布分配结果",
  "complaints.triage": "受理和分类投诉",
  "complaints.assign": "将投诉分派给责任部门",
  "complaints.answer": "答复分派给本部门的投诉",
  "complaints.approve_extension": "批准延长投诉办理期限（信访工作条例第三十四条，须经本机关负责人批准）",
  "outbox.read": "查看发给家庭和投诉人的通知",
  "outbox.resend": "重新发送发送失败的通知",
  "complaints.read": "查看投诉案件（部门联络员仅限本部门）",
  "complaints.reveal_contact": "说明理由后查看投诉人身份和联系方式（部门联络员仅限投诉人同意联系的案件）",
};

export const SCOPES = ["all", "department"] as const;
export type Scope = (typeof SCOPES)[number];

export type PermissionMatrix = Record<StaffRole, Partial<Record<StaffAction, Scope>>>;

export const PERMISSIONS: PermissionMatrix = {
  // Users and settings, and no case data at all.
  admin: { "console.home": "all", "users.read": "all", "users.manage": "all", "outbox.read": "all", "outbox.resend": "all" },
  enrolment_officer: { "console.home": "all", "applications.review": "all" },
  enrolment_supervisor: {
    "console.home": "all",
    "applications.review": "all",
    "allocation.run": "all",
    "allocation.publish": "all",
    "aggregates.read": "all",
    "outbox.read": "all",
    "outbox.resend": "all",
  },
  complaint_intake: {
    "console.home": "all",
    "complaints.triage": "all",
    "complaints.assign": "all",
    "complaints.read": "all",
    "complaints.reveal_contact": "all",
    "outbox.read": "all",
    "outbox.resend": "all",
  },
  // The agency's head for complaints: approves the extensions intake asks for (art. 34).
  complaint_supervisor: { "console.home": "all", "complaints.read": "all", "complaints.approve_extension": "all", "aggregates.read": "all" },
  // Sees its own department's colleagues and answers complaints assigned to its department.
  department_liaison: {
    "console.home": "all",
    "users.read": "department",
    "complaints.answer": "department",
    "complaints.read": "department",
    "complaints.reveal_contact": "department",
  },
  auditor: { "console.home": "all", "audit.read": "all", "audit.export": "all", "aggregates.read": "all" },
};

/** The scope `role` has for `action`, or null when the matrix denies it (default deny). */
export function scopeOf(role: StaffRole, action: StaffAction): Scope | null {
  return PERMISSIONS[role]?.[action] ?? null;
}

/** The actions a role may take, in the matrix's order (the console home lists them). */
export function actionsOf(role: StaffRole): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => scopeOf(role, action) !== null);
}

/**
 * Whether a user with `scope` may touch an object of `objectDepartment`. A department-scoped
 * user without a department sees nothing (fails closed).
 */
export function inScope(scope: Scope, userDepartment: string | null, objectDepartment: string | null): boolean {
  if (scope === "all") return true;
  return userDepartment !== null && objectDepartment === userDepartment;
}
