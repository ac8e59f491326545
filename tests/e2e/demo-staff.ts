/**
 * The demo staff accounts the seed prints once at start-up, and the first sign-in every one of
 * them must go through in Chromium (password, TOTP enrolment with a code computed by `otpauth`,
 * replacing the one-time password). Each account can take this walk once per server run, so
 * two test files must not walk the same role.
 */
import { TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { inject } from "vitest";
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

/** Signs a demo account in for the first time and leaves the page on the console home. */
export async function firstSignIn(page: Page, account: DemoAccount, newPassword: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in/`);
  await page.fill("#email", account.email);
  await page.fill("#password", account.password);
  await page.click("button[type=submit]");
  await page.locator("#enrol").waitFor();
  await page.fill("#code", new TOTP({ secret: account.secret, digits: 6, period: 30 }).generate());
  await page.click("#code-form button[type=submit]");
  await page.waitForURL("**/staff/password/");
  await page.fill("#currentPassword", account.password);
  await page.fill("#newPassword", newPassword);
  await page.click("#password-form button[type=submit]");
  await page.waitForURL(`${baseUrl}/staff/`);
}
