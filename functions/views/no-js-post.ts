/**
 * Whether a write came from a plain HTML form (no JavaScript) and so wants an HTML page
 * back: a form content type (urlencoded or multipart) without `Accept: application/json`,
 * which the portal's own scripts always send. JSON requests and the typed client get JSON.
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export function isNoJsFormPost(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const type = req.headers.get("Content-Type") ?? "";
  const accept = req.headers.get("Accept") ?? "";
  return FORM_TYPES.test(type) && !/application\/json/i.test(accept);
}
