/**
 * Refuses the most common passwords (ASVS 5.0 6.2.4) from a bundled list: the ~49 000
 * passwords of zxcvbn-ts's common dictionary (a maintained package, no network look-up),
 * plus a few the district would otherwise see first. Compared case-insensitively.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

const LOCAL = ["jiaoyuju", "jiaoyu123", "qingxi123", "admin123", "password1", "12345678", "88888888", "66666666"];

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
