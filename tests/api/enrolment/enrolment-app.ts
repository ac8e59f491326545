/**
 * Helpers for the enrolment API tests: the real app on a temp database with the clock inside
 * the committed intake's window, multipart submissions built like the page's script builds
 * them (an `application` JSON field and `documents.<kind>` files), and tracking lookups.
 */
import type { TempDb } from "../../fixtures/temp-db";
import { buildStaffApp } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { minimalPdf, pngWithMetadata } from "../../fixtures/upload-files";
import { validApplication } from "../../fixtures/enrolment";

export const IN_WINDOW = "2026-12-01T02:00:00.000Z";

export function enrolmentApp(db: TempDb) {
  const clock = fixedClock(IN_WINDOW);
  return { ...buildStaffApp(db, { clock }), clock };
}

type RequestApp = { request(path: string, init?: RequestInit): Response | Promise<Response> };

export type Files = Record<string, { bytes: Uint8Array; name: string; type?: string }[]>;

export const standardFiles = (): Files => ({
  "documents.residence_permit": [{ bytes: minimalPdf(), name: "居住证.pdf", type: "application/pdf" }],
  "documents.hukou": [{ bytes: pngWithMetadata(), name: "hukou.png", type: "image/png" }],
});

export function submitRequest(application: unknown, { key = "test-key-0001", files = standardFiles(), headers = {} }: { key?: string | null; files?: Files; headers?: Record<string, string> } = {}) {
  const body = new FormData();
  body.set("application", JSON.stringify(application));
  for (const [name, list] of Object.entries(files)) for (const f of list) body.append(name, new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? "application/octet-stream" }));
  return {
    method: "POST",
    body,
    headers: { Accept: "application/json", ...(key ? { "Idempotency-Key": key } : {}), ...headers },
  } satisfies RequestInit;
}

export async function submit(app: RequestApp, application: unknown = validApplication(), options: Parameters<typeof submitRequest>[1] = {}) {
  return app.request("/api/enrol/applications", submitRequest(application, options));
}

export async function trackJson(app: RequestApp, reference: string, accessCode: string, path = "/api/enrol/track", headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify({ reference, accessCode }),
  });
}

/** Flattens an application into the `name=value` pairs a no-JS form posts (dotted paths). */
export function formPairs(value: unknown, prefix = ""): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object") return [[prefix, String(value)]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => formPairs(v, prefix ? `${prefix}.${k}` : k));
}

export const FORM_HEADERS = { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" };

/** Posts the form step of the no-JS path and returns the draft cookie it sets. */
export async function postDraft(app: RequestApp, draft: unknown, cookie?: string) {
  const res = await app.request("/api/enrol/draft", {
    method: "POST",
    headers: { ...FORM_HEADERS, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(formPairs(draft)).toString(),
  });
  const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-enrol_draft="));
  return { res, cookie: set ? set.split(";")[0]! : cookie };
}
