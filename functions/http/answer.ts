/**
 * The one way a route answers (DESIGN.md convention 13). One rule decides HTML or JSON: a
 * plain HTML form post (urlencoded or multipart) without `Accept: application/json`, which
 * the portal's own scripts always send, wants a page; every other request (the scripts, the
 * typed client, API users) gets JSON. `respond` runs a route's one verb and answers either
 * way: JSON as the route shapes it, or a page in the site's shell; on the HTML path, a
 * refusal the route can show beside its form (field errors, a receipt that opens nothing, a
 * state that moved on) becomes that form again, and anything else goes to the one `onError`
 * (functions/error-response), which makes the same decision for its error page.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type FieldError } from "../../src/domain/errors";
import { fieldsOrMessage } from "../../src/forms/field-errors";
import { pageTitle, type ShellPage } from "../platform/page-shell";
import type { AppEnv } from "../app-env";
import { STATUS_OF } from "./status";

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** Whether a request came from a plain HTML form (no JavaScript) and so wants a page back. */
export function isNoJsFormPost(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const type = req.headers.get("Content-Type") ?? "";
  const accept = req.headers.get("Accept") ?? "";
  return FORM_TYPES.test(type) && !/application\/json/i.test(accept);
}

/** A page for the shell: its heading text for `<title>`, the `<main>` HTML, status, and whether it shows errors. */
export type Page = { title: string; main: ShellPage["main"]; status?: ContentfulStatusCode; hasErrors?: boolean; indexable?: boolean };

/** Renders a page into the shell the site's build produced. */
export function renderPage(c: Context<AppEnv>, page: Page): Promise<Response> {
  return c.var.deps.pageShell.render({ title: pageTitle(page.title, page.hasErrors ?? false), main: page.main, status: page.status ?? 200, indexable: page.indexable ?? false });
}

export type Answer<T> = {
  /** The JSON answer (body and status) when the client wants JSON. */
  json: (result: T) => { body: unknown; status?: ContentfulStatusCode };
  /** The page when a no-JS form wants HTML (or a ready response: a redirect to the next step). */
  page: (result: T) => Page | Response | Promise<Page | Response>;
  /** On the HTML path: the form again for a refusal it can show, or null to leave it to onError. */
  refused?: (fields: FieldError[], error: DomainError) => Page | null | Promise<Page | null>;
};

/** Runs the verb and answers as the request wants. */
export async function respond<T>(c: Context<AppEnv>, run: () => Promise<T>, answer: Answer<T>): Promise<Response> {
  if (!isNoJsFormPost(c.req.raw)) {
    const { body, status = 200 } = answer.json(await run());
    return c.json(body as object, status);
  }
  let result: T;
  try {
    result = await run();
  } catch (error) {
    const page = error instanceof DomainError && answer.refused ? await answer.refused(fieldsOrMessage(error), error) : null;
    if (!page) throw error;
    return renderPage(c, { status: STATUS_OF[(error as DomainError).code], hasErrors: true, ...page });
  }
  const page = await answer.page(result);
  return page instanceof Response ? page : renderPage(c, page);
}
