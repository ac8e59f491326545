/**
 * Staff roles (SECURITY.md item 9, issue 5). One `as const` array reused by the drizzle
 * column, `z.enum` and the labels. Departments are the bodies named in clause 5.1 of the
 * policy; a department liaison (部门联络员) is scoped to exactly one of them.
 */
export const STAFF_ROLES = [
  "admin",
  "enrolment_officer",
  "enrolment_supervisor",
  "complaint_intake",
  "complaint_supervisor",
  "department_liaison",
  "auditor",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: "系统管理员",
  enrolment_officer: "招生经办",
  enrolment_supervisor: "招生主管",
  complaint_intake: "投诉受理",
  complaint_supervisor: "投诉工作分管负责人",
  department_liaison: "部门联络员",
  auditor: "审计员",
};

/** Roles whose every permission is limited to one department: they must have one. */
export const DEPARTMENT_SCOPED_ROLES: readonly StaffRole[] = ["department_liaison"];
