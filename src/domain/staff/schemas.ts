/**
 * The contracts of the staff API (DESIGN.md convention 3): each zod schema is the type.
 * Strict objects, so a request cannot slip in fields such as `role` where it may not set
 * them (SECURITY.md item 1). Messages say what to do, in Chinese.
 */
import { z } from "../zod";
import { plainText } from "../text";
import { DEPARTMENTS } from "./departments";
import { STAFF_ROLES, DEPARTMENT_SCOPED_ROLES } from "./roles";

/** ASVS 5.0 6.2.1/6.2.9: at least 8 characters, up to 64+ allowed, no composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const Email = z
  .string({ error: "请输入电子邮箱" })
  .trim()
  .toLowerCase()
  .max(254, { error: "电子邮箱不能超过254个字符" })
  .pipe(z.email({ error: "请输入正确的电子邮箱，例如name@example.gov.cn" }));

export const SignInInput = z.strictObject({
  email: Email,
  // Not trimmed: spaces are part of a password.
  password: z.string({ error: "请输入密码" }).min(1, { error: "请输入密码" }).max(PASSWORD_MAX * 4, { error: "密码太长" }),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const TotpCodeInput = z.strictObject({
  code: z
    .string({ error: "请输入6位数字验证码" })
    .trim()
    .regex(/^\d{6}$/, { error: "请输入验证器应用中显示的6位数字验证码" }),
});
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const NewPassword = z
  .string({ error: "请输入密码" })
  .min(PASSWORD_MIN, { error: `密码至少需要${PASSWORD_MIN}个字符` })
  .max(PASSWORD_MAX, { error: `密码不能超过${PASSWORD_MAX}个字符` });

const Role = z.enum(STAFF_ROLES, { error: "请选择角色" });
const DepartmentField = z.enum(DEPARTMENTS, { error: "请选择部门" }).nullable();

function departmentRule<T extends { role: (typeof STAFF_ROLES)[number]; department: string | null }>(value: T, ctx: z.RefinementCtx) {
  if (DEPARTMENT_SCOPED_ROLES.includes(value.role) && value.department === null) {
    ctx.addIssue({ code: "custom", path: ["department"], message: "部门联络员必须选择所属部门" });
  }
}

export const InviteUserInput = z
  .strictObject({
    email: Email,
    displayName: plainText({ error: "请输入姓名" }).trim().min(1, { error: "请输入姓名" }).max(50, { error: "姓名不能超过50个字符" }),
    role: Role,
    department: DepartmentField.default(null),
  })
  .superRefine(departmentRule);
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const UpdateUserInput = z
  .strictObject({ role: Role, department: DepartmentField })
  .superRefine(departmentRule);
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserId = z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, { error: "账户编号不正确" });

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;

/** Filters of the audit trail viewer; dates are UTC calendar days, inclusive. */
export const AuditQuery = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(64).optional(),
  object: z.string().trim().max(64).optional(),
  from: z.iso.date({ error: "请输入正确的开始日期" }).optional(),
  to: z.iso.date({ error: "请输入正确的结束日期" }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
