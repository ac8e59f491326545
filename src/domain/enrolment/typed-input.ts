/**
 * What a family types, made comparable before any rule reads it (issue 16 item 6). Chinese
 * input methods easily produce full-width digits and letters ("１３８", "ＡＢ"), phones come
 * as "+86 138-1234-5678", dates as "2021年3月5日": all of these mean what the ASCII form
 * means. `nfkcDeep` applies Unicode NFKC to every string of a posted value (objects and
 * arrays rebuilt as plain data); the application's part schemas run it first, so the browser,
 * the no-JS form and the API all validate the normalised text. The field-specific
 * normalisers (phone, date, code-like numbers) then drop the separators people add.
 */

/** NFKC of every string in a JSON-like value; anything else is returned as it is. */
export function nfkcDeep(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFKC");
  if (Array.isArray(value)) return value.map(nfkcDeep);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfkcDeep(v)]));
  return value;
}

/** Spaces, dashes, dots and brackets people put inside numbers (after NFKC, so only ASCII and CJK forms remain). */
const SEPARATORS = /[\s\-‐‑‒–—―_.·()（）]/g;

/** A mobile number without its separators and without the country code (+86, 0086, 86). */
export function normalisePhone(raw: string): string {
  const bare = raw.normalize("NFKC").replace(SEPARATORS, "");
  const national = /^(?:\+86|0086|86)(1\d{10})$/.exec(bare);
  return national ? national[1]! : bare;
}

/** A code-like number (ID, permit): no separators, letters upper-case. */
export function normaliseCodeNumber(raw: string): string {
  return raw.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
}

/** "2021年3月5日", "2021/3/5", "2021.03.05" or "2021-3-5" as 2021-03-05; anything else trimmed as typed. */
export function normaliseDate(raw: string): string {
  const text = raw.normalize("NFKC").trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : text;
}
