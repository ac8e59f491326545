/**
 * Turns a form's flat `name=value` pairs (names are the schema's dotted paths, e.g.
 * `guardians.1.phone`, `preferences.0`) into the nested object the zod schema parses. Shared
 * by the browser script and the API's no-JS handler, so both hand the schema the same shape.
 * Only string values are kept (files are handled apart); numeric segments make arrays.
 */
export function formToObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const keys = name.split(".");
    if (keys.some((k) => k === "" || k === "__proto__" || k === "constructor" || k === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const slot = (node as Record<string, unknown>)[key];
      if (last) {
        (node as Record<string, unknown>)[key] = value;
        return;
      }
      if (slot === null || typeof slot !== "object") {
        (node as Record<string, unknown>)[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      }
      node = (node as Record<string, unknown>)[key] as Record<string, unknown>;
    });
  }
  return root;
}
