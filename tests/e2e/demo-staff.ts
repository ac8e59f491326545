/**
 * The demo staff accounts the seed prints once at start-up, and the first sign-in every one of
 * them must go through in Chromium (password, TOTP enrolment with a code computed by `otpauth`,
 * replacing the one-time password). Each account can take this walk once per server run, so
 * two test files must not walk the same role.
 */
import { TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { runStaffCreate } from "../../functions/cli/staff-create-command";
import { baseUrl } from "./page";

export type DemoAccount = { email: string; password: string; secret: string };

export function demoAccount(roleLabel: string): DemoAccount {
  const line = inject("startupOutput")
    .split("\n")
    .find((l) => l.startsWith(`${roleLabel} | `));
  if (!line) throw new Error(`the demo seed printed no ${roleLabel} account`);
  const [, email, password, secret] = line.split(" | ").map((s) => s.trim());
  return { email: email!, password: password!, secret: secret! };
}

/**
 * Signs an account in for the first time and leaves the page on the console home; without a
 * known secret, the one the enrolment page shows is used.
 */
export async function firstSignIn(page: Page, account: Omit<DemoAccount, "secret"> & { secret?: string }, newPassword: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in/`);
  await page.fill("#email", account.email);
  await page.fill("#password", account.password);
  await page.click("button[type=submit]");
  await page.locator("#enrol").waitFor();
  const secret = account.secret ?? (await page.locator("#secret").textContent())!.replaceAll(" ", "");
  await page.fill("#code", new TOTP({ secret, digits: 6, period: 30 }).generate());
  await page.click("#code-form button[type=submit]");
  await page.waitForURL("**/staff/password/");
  await page.fill("#currentPassword", account.password);
  await page.fill("#newPassword", newPassword);
  await page.click("#password-form button[type=submit]");
  await page.waitForURL(`${baseUrl}/staff/`);
}

/**
 * A fresh staff account of its own, made with the staff:create command on the server's
 * database: the demo accounts' one-time passwords are used up by the tests that own them.
 */
async function newAccount(role: string, department?: string) {
  const email = `e2e-${role.replaceAll("_", "-")}-${Date.now()}@jyj.example.gov.cn`;
  const args = ["--email", email, "--role", role, ...(department ? ["--department", department] : [])];
  const { code, lines } = await runStaffCreate(args, { LIBSQL_URL: inject("databaseUrl") });
  if (code !== 0) throw new Error(lines.join("\n"));
  const password = lines.join("\n").match(/一次性初始密码[^：]*：(\S+)/)![1]!;
  return { email, password };
}

/** Signs a fresh account of `role` in for the first time and leaves the page on the console home. */
export async function signInNewAccount(page: Page, role: string, newPassword: string, department?: string) {
  await firstSignIn(page, await newAccount(role, department), newPassword);
}
