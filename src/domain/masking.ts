/**
 * Display masks for sensitive and personal values (SECURITY.md data classes): staff lists,
 * printable records and the outbox show these, never the full value, until a permitted
 * role reveals it with a reason. Pure, so the browser, the build and the API mask alike.
 */

/** "11010519491231002X" → "110105********002X": the region code and the last four stay. */
export function maskIdNumber(id: string): string {
  const v = id.replace(/\s+/g, "");
  if (v.length <= 4) return "*".repeat(v.length);
  if (v.length < 12) return `${"*".repeat(v.length - 4)}${v.slice(-4)}`;
  return `${v.slice(0, 6)}${"*".repeat(v.length - 10)}${v.slice(-4)}`;
}

/** "13812345678" → "138****5678"; other lengths keep at most the first 3 and last 4. */
export function maskPhone(phone: string): string {
  const v = phone.replace(/[\s-]+/g, "");
  if (v.length <= 4) return "*".repeat(v.length);
  if (v.length < 8) return `${"*".repeat(v.length - 4)}${v.slice(-4)}`;
  return `${v.slice(0, 3)}${"*".repeat(v.length - 7)}${v.slice(-4)}`;
}

/** "zhang.san@example.cn" → "z*******@example.cn". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "*".repeat(Math.max(email.length, 1));
  return `${email[0]}${"*".repeat(Math.max(at - 1, 1))}${email.slice(at)}`;
}
