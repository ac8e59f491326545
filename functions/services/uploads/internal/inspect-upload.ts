/**
 * Checks an uploaded file by its content, never by its name or declared type (SECURITY.md
 * item 6): size first (empty, > 5 MB), then the magic bytes with `file-type` (maintained,
 * pure JS with no node: imports, so the same code runs on Node and in workerd), then the
 * structure: images are walked and stripped of metadata (./strip-metadata.ts); a PDF must
 * start with its header and carry an end-of-file marker near its end. The result's bytes
 * are what gets stored, its name carries the extension the content proves ("scan.pdf" that
 * is really a PNG becomes "scan.png"), so a download never lies about its type.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "../../../../src/domain/errors";
import { MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPES, UPLOAD_KINDS, UPLOAD_MESSAGES } from "../../../../src/domain/uploads";
import { DamagedFileError, stripJpeg, stripPng } from "../../../platform/strip-metadata";

export type InspectedUpload = {
  kind: (typeof UPLOAD_KINDS)[number];
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  originalName: string;
};

const EXTENSION_OF = { jpeg: "jpg", png: "png", pdf: "pdf" } as const;
const KIND_OF_EXT: Record<string, (typeof UPLOAD_KINDS)[number]> = { jpg: "jpeg", png: "png", pdf: "pdf" };

function refuse(path: string, message: string): never {
  throw new DomainError("validation", message, { fields: [{ path, message }] });
}

/** The base name without control characters, path parts or the claimed extension, at most 80 chars. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 80);
  return stem || "文件";
}

function checkPdf(bytes: Uint8Array): void {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8));
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (!/^%PDF-\d\.\d/.test(head) || !tail.includes("%%EOF")) throw new DamagedFileError("PDF header or end marker missing");
}

export async function inspectUpload(input: { path: string; fileName: string; bytes: Uint8Array }): Promise<InspectedUpload> {
  const { path } = input;
  if (input.bytes.length === 0) refuse(path, UPLOAD_MESSAGES.empty);
  if (input.bytes.length > MAX_UPLOAD_BYTES) refuse(path, UPLOAD_MESSAGES.tooBig);
  const detected = await fileTypeFromBuffer(input.bytes);
  const kind = detected ? KIND_OF_EXT[detected.ext] : undefined;
  if (!kind) refuse(path, UPLOAD_MESSAGES.wrongType);
  let bytes: Uint8Array;
  try {
    if (kind === "jpeg") bytes = stripJpeg(input.bytes);
    else if (kind === "png") bytes = stripPng(input.bytes);
    else {
      checkPdf(input.bytes);
      bytes = new Uint8Array(input.bytes);
    }
  } catch (error) {
    if (error instanceof DamagedFileError) refuse(path, UPLOAD_MESSAGES.damaged);
    throw error;
  }
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes));
  return {
    kind,
    contentType: UPLOAD_CONTENT_TYPES[kind],
    bytes,
    sha256: encodeHexLowerCase(new Uint8Array(digest)),
    originalName: `${cleanFileName(input.fileName)}.${EXTENSION_OF[kind]}`,
  };
}
