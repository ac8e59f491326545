/**
 * The console's typed API client: Hono's `hc` over the app's own `AppType`, so a renamed
 * route or a changed body fails `astro check` instead of failing in a browser. Same-origin
 * fetches carry the `__Host-` session cookie; the browser adds Origin and Sec-Fetch-Site.
 */
import { hc } from "hono/client";
import type { AppType } from "../../../functions/app";

export const staffApi = hc<AppType>(location.origin).api.staff;

/** The error body every API error has (functions/error-response.ts). */
export type ApiError = { code: string; message: string; requestId: string; fields?: { path: string; message: string }[] };

export const SIGN_IN_PAGE = "/staff/sign-in/";

/** Reads an error body; a signed-out answer sends the user to the sign-in page. */
export async function apiError(res: Response): Promise<ApiError> {
  if (res.status === 401 && !location.pathname.startsWith(SIGN_IN_PAGE)) {
    location.replace(SIGN_IN_PAGE);
  }
  try {
    return (await res.json()) as ApiError;
  } catch {
    return { code: "internal", message: "服务器出现问题，请稍后再试。", requestId: "" };
  }
}
