/**
 * The ways a stored upload leaves the server (SECURITY.md item 6): as an attachment, with a
 * sandbox CSP and nosniff so even a crafted file cannot run in the portal's origin, never
 * cached; and, for the reviewer's preview only, an image (JPEG or PNG, which cannot run
 * script) `inline` under the same sandbox, nosniff and no-store (issue 19 item 4). A PDF is
 * previewed too, but its bytes leave exactly as a download does (attachment, sandbox): the
 * page fetches them and pdf.js draws them on a canvas, so a navigation to the preview URL
 * downloads the file and the browser never renders it in our origin. The file name goes in
 * both the ASCII `filename` (a safe fallback) and the RFC 5987/6266 `filename*` (UTF-8, so
 * Chinese names survive).
 */

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function fileResponse(bytes: Uint8Array, contentType: string, disposition: string, csp: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": disposition,
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

export function downloadResponse(bytes: Uint8Array, contentType: string, fileName: string): Response {
  return fileResponse(bytes, contentType, contentDisposition(fileName), "sandbox; default-src 'none'");
}

/** The content types an upload may be shown inline as (an `<img>`): images only, never a PDF (it can carry script). */
export const INLINE_IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png"];

/** How the reviewer's page previews a stored type: an `<img>`, a pdf.js canvas, or not at all. */
export function previewKind(contentType: string): "image" | "pdf" | null {
  return INLINE_IMAGE_TYPES.includes(contentType) ? "image" : contentType === "application/pdf" ? "pdf" : null;
}

/** An image for an `<img>` on the reviewer's page; the caller has checked `INLINE_IMAGE_TYPES`. */
export function inlineImageResponse(bytes: Uint8Array, contentType: string): Response {
  if (!INLINE_IMAGE_TYPES.includes(contentType)) throw new Error(`not an inline image type: ${contentType}`);
  return fileResponse(bytes, contentType, "inline", "sandbox; default-src 'none'; img-src 'self'");
}
