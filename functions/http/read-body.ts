/**
 * The one body reader for the public writes. A JSON body (the scripts, API clients) must be
 * an object; a form body (urlencoded or multipart, the no-JS path and the scripts' uploads)
 * becomes the nested object the schemas parse (names are dotted paths, src/forms/form-data)
 * plus the chosen files with their field names. A file input left empty still sends a part
 * with no name and no bytes: it is dropped. The honeypot is checked by `parseForm`
 * (functions/validate), just before the strict schema, so a trap refusal is answered like
 * any other field error; a honeypot sent as a file part is kept as a filled field so that
 * check sees it too. Every body is untrusted: a multipart body the parser cannot read (bad
 * or missing boundary, no closing boundary, LF line ends, a part without a name), JSON that
 * does not parse, and any body past BODY_BOUNDS (parts, nesting, names, array indices) is a
 * 422 with a Chinese message before anything runs, never a 500 and never a long loop.
 */
import type { Context } from "hono";
import { DomainError } from "../../src/domain/errors";
import { FORM_BOUNDS, formToObject } from "../../src/forms/form-data";
import { assertNoHoneypot, HONEYPOT_FIELD } from "../middleware/honeypot";

export type PostedFile = { name: string; file: File };
export type Body = { kind: "json" | "form"; fields: Record<string, unknown>; files: PostedFile[] };

export const MALFORMED_MESSAGE = "请求格式不正确，请检查后重新提交。";

/** JSON bounds: nesting (an application is four levels deep) and values in all. */
export const JSON_BOUNDS = { depth: 8, values: 2000, keyLength: FORM_BOUNDS.nameLength } as const;

const malformed = (): never => {
  throw new DomainError("validation", MALFORMED_MESSAGE);
};

/** The files posted under one field name (`attachments`), or under a prefix (`documents.`). */
export const filesNamed = (files: readonly PostedFile[], name: string) => files.filter((f) => f.name === name).map((f) => f.file);

/** Walks a parsed JSON value without recursion and refuses it past JSON_BOUNDS. */
function boundedJson(value: unknown): unknown {
  const stack: [unknown, number][] = [[value, 1]];
  let seen = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (++seen > JSON_BOUNDS.values || depth > JSON_BOUNDS.depth) malformed();
    if (node === null || typeof node !== "object") continue;
    for (const [key, child] of Object.entries(node)) {
      if (key.length > JSON_BOUNDS.keyLength) malformed();
      stack.push([child, depth + 1]);
    }
  }
  return value;
}

/** A JSON text as an object within bounds, or a malformed-request refusal. */
function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed();
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) malformed();
  return boundedJson(value) as Record<string, unknown>;
}

async function readForm(c: Context): Promise<FormData> {
  try {
    return await c.req.formData();
  } catch (error) {
    // The body limit's own refusal (413) passes through; a body the parser cannot read is malformed.
    if (error instanceof DomainError) throw error;
    return malformed();
  }
}

export async function readBody(c: Context): Promise<Body> {
  const type = (c.req.header("Content-Type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    return { kind: "json", fields: parseJsonObject(await c.req.text()), files: [] };
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await readForm(c);
    const files: PostedFile[] = [];
    const texts: [string, string][] = [];
    for (const [name, value] of form) {
      if (typeof value === "string") texts.push([name, value]);
      else if (value.size > 0 || value.name !== "") {
        // A trap filled as a file is still a filled trap.
        if (name === HONEYPOT_FIELD) texts.push([name, value.name || "file"]);
        else files.push({ name, file: value });
      }
    }
    if (texts.length + files.length > FORM_BOUNDS.fields || files.some((f) => f.name.length > FORM_BOUNDS.nameLength)) malformed();
    return { kind: "form", fields: formToObject(texts), files };
  }
  throw new DomainError("unsupported_media_type", "不支持这种提交格式。请以表单或JSON格式提交。");
}

/**
 * A JSON document sent beside files: the whole body when it came as JSON, or the JSON text of
 * one multipart field (the form's own honeypot checked first). Missing or unreadable, it is
 * refused as a malformed request.
 */
export function jsonPart(body: Body, name: string, missing: string): unknown {
  if (body.kind === "json") return body.fields;
  const raw = assertNoHoneypot(body.fields)[name];
  let value: unknown;
  try {
    if (typeof raw === "string") value = JSON.parse(raw);
  } catch {
    // refused just below, like a missing part
  }
  if (value === undefined) throw new DomainError("validation", missing);
  return boundedJson(value);
}
