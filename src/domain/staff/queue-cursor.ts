/**
 * The staff queues' keyset cursor (issue 19): where the next page starts, as the sort key and
 * id of the last row shown, in one opaque URL-safe token (`after=`). A page is then "the
 * next N rows after this key" on an index, so page 10,000 costs what page 1 costs (no
 * OFFSET). Only printable ASCII keys are encoded (dates, codes, UUIDs); anything that does
 * not decode to exactly two such strings is refused, never guessed at.
 */
/** The one refusal of a cursor that does not decode (complaint and application queues alike). */
export const BAD_CURSOR = "翻页参数无效，请回到第一页。";

export type QueueKey = readonly [sort: string, id: string];

const PRINTABLE = /^[\x20-\x7e]{0,100}$/;

export function encodeCursor([sort, id]: QueueKey): string {
  return btoa(JSON.stringify([sort, id])).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The key inside a cursor, or null when the token is not one this module wrote. */
export function decodeCursor(token: string): QueueKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
  try {
    const value: unknown = JSON.parse(atob(token.replaceAll("-", "+").replaceAll("_", "/")));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [sort, id] = value as unknown[];
    if (typeof sort !== "string" || typeof id !== "string" || !PRINTABLE.test(sort) || !PRINTABLE.test(id) || id === "") return null;
    return [sort, id];
  } catch {
    return null;
  }
}
