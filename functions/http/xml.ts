/**
 * Plain XML for APIs whose standard requires it (Open311 GeoReport v2): a UTF-8 declaration,
 * no namespace, one element per field, and an array written as a wrapper holding one element
 * per item whose name the caller gives (`service_requests` → `request`), which is the Spark
 * convention the spec maps its JSON from. Null fields are empty elements. Text is escaped.
 */
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Item element names for arrays, by the array's own element name. */
export type XmlItems = Readonly<Record<string, string>>;

function element(name: string, value: unknown, items: XmlItems): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = items[name] ?? "item";
    return `<${name}>${value.map((v) => element(item, v, items)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v, items))
      .join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: `root` names the top element (an array's wrapper when `value` is one). */
export function xmlDocument(root: string, value: unknown, items: XmlItems = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, items)}\n`;
}
