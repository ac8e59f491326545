/**
 * Turns a form's flat `name=value` pairs (names are the schema's dotted paths, e.g.
 * `guardians.1.phone`, `preferences.0`) into the nested object the zod schema parses. Shared
 * by the browser script and the API's no-JS handler, so both hand the schema the same shape.
 * Only string values are kept (files are handled apart); numeric segments make arrays.
 * A posted body is untrusted, so the shape is bounded (FORM_BOUNDS): a name too long or too
 * deep, too many fields, an empty segment or a prototype's name (`__proto__`), an array index
 * above a small limit, a hole in an array, or a word
 * used as an index into an array (`preferences.length=100000000` would size an array to a
 * hundred million slots) is refused with a malformed-request error, never built.
 */
import { DomainError } from "../domain/errors";

export const FORM_BOUNDS = {
  /** Fields in one form: the application form has about fifty. */
  fields: 300,
  /** Characters in one field name (`specialNeeds.placement` is 22). */
  nameLength: 100,
  /** Dotted segments in one name (`guardians.1.phone` is 3). */
  depth: 6,
  /** The highest array index (guardians and preferences have three at most). */
  arrayIndex: 64,
} as const;

export const MALFORMED_FORM_MESSAGE = "表单内容格式不正确，请刷新页面后重新填写提交。";

const refuse = (): never => {
  throw new DomainError("validation", MALFORMED_FORM_MESSAGE);
};
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const isIndex = (key: string) => /^\d{1,3}$/.test(key) && Number(key) <= FORM_BOUNDS.arrayIndex;

type Node = Record<string, unknown> | unknown[];

/** The child container of `node` at `key`, made when absent (an array when the next segment is numeric). */
function childOf(node: Node, key: string, next: string): Node {
  const slot = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  if (slot !== null && typeof slot === "object") return slot as Node;
  const made: Node = /^\d+$/.test(next) ? [] : {};
  (node as Record<string, unknown>)[key] = made;
  return made;
}

/** True when some array in the tree has a hole (an index posted without the ones before it). */
function hasHole(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || hasHole(value[i])) return true;
    return false;
  }
  return value !== null && typeof value === "object" && Object.values(value).some(hasHole);
}

export function formToObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > FORM_BOUNDS.fields || name.length > FORM_BOUNDS.nameLength) refuse();
    if (typeof value !== "string") continue;
    const keys = name.split(".");
    // An empty segment or a prototype's name is no field of any form: refused, not skipped,
    // so the rest of the body is never taken as if the odd name had not been sent.
    if (keys.length > FORM_BOUNDS.depth || keys.some((k) => k === "" || FORBIDDEN_KEYS.has(k))) refuse();
    let node: Node = root;
    keys.forEach((key, i) => {
      // An array is indexed by small numbers only; an object never by a number above the bound.
      if (Array.isArray(node) ? !isIndex(key) : /^\d+$/.test(key) && !isIndex(key)) refuse();
      if (i === keys.length - 1) (node as Record<string, unknown>)[key] = value;
      else node = childOf(node, key, keys[i + 1]!);
    });
  }
  if (hasHole(root)) refuse();
  return root;
}
