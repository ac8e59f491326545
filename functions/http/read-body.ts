/**
 * The one body reader for the public writes. A JSON body (the scripts, API clients) must be
 * an object; a form body (urlencoded or multipart, the no-JS path and the scripts' uploads)
 * becomes the nested object the schemas parse (names are dotted paths, src/forms/form-data)
 * plus the chosen files with their field names. A file input left empty still sends a part
 * with no name and no bytes: it is dropped. The honeypot is checked by `parseForm`
 * (functions/validate), just before the strict schema, so a trap refusal is answered like
 * any other field error.
 */
import type { Context } from "hono";
import { DomainError } from "../../src/domain/errors";
import { formToObject } from "../../src/forms/form-data";
import { assertNoHoneypot } from "../middleware/honeypot";

export type PostedFile = { name: string; file: File };
export type Body = { kind: "json" | "form"; fields: Record<string, unknown>; files: PostedFile[] };

export const MALFORMED_MESSAGE = "请求格式不正确，请检查后重新提交。";

/** The files posted under one field name (`attachments`), or under a prefix (`documents.`). */
export const filesNamed = (files: readonly PostedFile[], name: string) => files.filter((f) => f.name === name).map((f) => f.file);

export async function readBody(c: Context): Promise<Body> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/json")) {
    const body: unknown = await c.req.json().catch(() => null);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new DomainError("validation", MALFORMED_MESSAGE);
    return { kind: "json", fields: body as Record<string, unknown>, files: [] };
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await c.req.formData();
    const files: PostedFile[] = [];
    for (const [name, value] of form) if (typeof value !== "string" && (value.size > 0 || value.name !== "")) files.push({ name, file: value });
    return { kind: "form", fields: formToObject(form), files };
  }
  throw new DomainError("unsupported_media_type", "不支持这种提交格式。");
}

/**
 * A JSON document sent beside files: the whole body when it came as JSON, or the JSON text of
 * one multipart field (the form's own honeypot checked first). Missing or unreadable, it is
 * refused as a malformed request.
 */
export function jsonPart(body: Body, name: string, missing: string): unknown {
  if (body.kind === "json") return body.fields;
  const raw = assertNoHoneypot(body.fields)[name];
  try {
    if (typeof raw === "string") return JSON.parse(raw) as unknown;
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError("validation", missing);
}
