/**
 * User management island (admins; a department liaison sees its department read-only):
 * the account table with disable / re-enable / reset-second-factor buttons, the role and
 * department form, and the invitation form that shows the one-time initial password once.
 * All text goes in with textContent.
 */
import type { InferResponseType } from "hono/client";
import { DEPARTMENT_LABELS, type Department } from "../../domain/staff/departments";
import { STAFF_ROLE_LABELS, type StaffRole } from "../../domain/staff/roles";
import { apiError, staffApi } from "./api";
import { clearErrors, showErrors } from "../../forms/staff/error-summary";
import { requirePage } from "./shell";

type UserRow = InferResponseType<typeof staffApi.users.$get, 200>["users"][number];

const section = document.querySelector<HTMLElement>("#users-section")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#users-body")!;
const status = document.querySelector<HTMLElement>("#users-status")!;
let canManage = false;

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

function button(label: string, onClick: () => Promise<Response>): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "button-secondary";
  b.textContent = label;
  b.addEventListener("click", async () => {
    const res = await onClick();
    if (res.ok) {
      status.textContent = `已完成：${label}。`;
      await load();
    } else status.textContent = (await apiError(res)).message;
  });
  return b;
}

function row(user: UserRow): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const param = { param: { id: user.id } };
  tr.append(
    cell(user.displayName),
    cell(user.email),
    cell(STAFF_ROLE_LABELS[user.role as StaffRole]),
    cell(user.department ? DEPARTMENT_LABELS[user.department as Department] : "—"),
    cell(user.status === "active" ? "正常" : "已停用"),
    cell(user.secondFactor === "enrolled" ? "已绑定" : "未绑定"),
  );
  const actions = document.createElement("td");
  if (canManage) {
    const target = `（${user.displayName}）`;
    actions.append(
      user.status === "active"
        ? button(`停用${target}`, () => staffApi.users[":id"].disable.$post(param))
        : button(`启用${target}`, () => staffApi.users[":id"].enable.$post(param)),
      button(`重置第二因素${target}`, () => staffApi.users[":id"]["reset-second-factor"].$post(param)),
    );
  }
  tr.append(actions);
  return tr;
}

async function load() {
  const res = await staffApi.users.$get();
  if (!res.ok) {
    status.textContent = (await apiError(res)).message;
    return;
  }
  const { users } = await res.json();
  tbody.replaceChildren(...users.map(row));
  const select = document.querySelector<HTMLSelectElement>("#role-user");
  select?.replaceChildren(
    ...users.map((u) => {
      const o = document.createElement("option");
      o.value = u.id;
      o.textContent = `${u.displayName}（${u.email}）`;
      return o;
    }),
  );
}

function department(value: FormDataEntryValue | null): Department | null {
  return value ? (String(value) as Department) : null;
}

async function start() {
  const me = await requirePage("users.read", section);
  if (!me) return;
  canManage = me.actions.some((a) => a.action === "users.manage");
  for (const el of document.querySelectorAll<HTMLElement>("[data-manage]")) el.hidden = !canManage;
  await load();

  const invite = document.querySelector<HTMLFormElement>("#invite-form")!;
  invite.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(invite);
    const res = await staffApi.users.$post({
      json: { email: String(data.get("email")), displayName: String(data.get("displayName")), role: String(data.get("role")) as StaffRole, department: department(data.get("department")) },
    });
    if (!res.ok) return showErrors(invite, await apiError(res));
    clearErrors(invite);
    const created = await res.json();
    const out = document.querySelector<HTMLElement>("#invite-result")!;
    out.querySelector("[data-email]")!.textContent = created.user.email;
    out.querySelector("[data-password]")!.textContent = created.initialPassword;
    out.hidden = false;
    out.focus();
    invite.reset();
    await load();
  });

  const roleForm = document.querySelector<HTMLFormElement>("#role-form")!;
  roleForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(roleForm);
    const res = await staffApi.users[":id"].$patch({
      param: { id: String(data.get("userId")) },
      json: { role: String(data.get("role")) as StaffRole, department: department(data.get("department")) },
    });
    if (!res.ok) return showErrors(roleForm, await apiError(res));
    clearErrors(roleForm);
    status.textContent = "已更新角色和部门。";
    await load();
  });
}
void start();
