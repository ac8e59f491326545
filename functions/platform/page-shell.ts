/**
 * Server-rendered answers to no-JavaScript form posts (error summary with the values kept,
 * check-answers, confirmation, tracking result). Every page is prerendered, so Hono does not
 * render layouts itself: Astro builds one shell page, `src/pages/shell/index.astro`
 * (BaseLayout, noindex: same header, footer and stylesheets as every page, never in the
 * sitemap or the search index), with a marker in `<title>` and one in `<main>`. `render`
 * puts the escaped title and the caller's HTML (built with hono/html's `html`, which escapes
 * every interpolated value) in their place and answers with the page CSP and `no-store`
 * (answers carry what a citizen typed). Node reads the built file once
 * (`filePageShell` in ./file-page-shell, kept apart so the Worker bundle has no node:fs);
 * the Worker fetches it from its static assets binding; tests use tests/fixtures/page-shell.ts.
 */
import type { HtmlEscapedString } from "hono/utils/html";
import { PAGE_SECURITY_HEADERS } from "../middleware/security-headers";

/** The markers the shell page carries (kept in step with src/pages/shell/index.astro). */
export const SHELL_TITLE_MARKER = "PAGE_SHELL_TITLE";
export const SHELL_MAIN_MARKER = "<!--PAGE_SHELL_MAIN-->";
/** Around the shell's one script (the receipt buttons'), dropped from answers without a receipt. */
const SHELL_SCRIPT = /<!--PAGE_SHELL_SCRIPT-->[\s\S]*?<!--\/PAGE_SHELL_SCRIPT-->/;
/** The attribute of the receipt buttons' markup (src/forms/receipt-code.ts) that the script wires. */
const RECEIPT_BUTTONS = "data-code-actions";
/** Where the shell is built, under the static root. */
export const SHELL_PATH = "/shell/";

export type ShellPage = {
  /** The page's own title (the portal's name is appended by the shell). Plain text; escaped here. */
  title: string;
  /** Trusted HTML for inside `<main>`: build it with hono/html's `html` so citizen values are escaped. */
  main: HtmlEscapedString | Promise<HtmlEscapedString> | string;
  status?: number;
  /** A public page search engines may index (the shell itself is noindex): drops the shell's robots tag. */
  indexable?: boolean;
};
export type PageShell = { render(page: ShellPage): Promise<Response> };

/** Title prefix when the page reports errors (GOV.UK pattern, DESIGN.md convention 9). */
export const ERROR_TITLE_PREFIX = "错误：";
export function pageTitle(title: string, hasErrors: boolean): string {
  return hasErrors ? `${ERROR_TITLE_PREFIX}${title}` : title;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export class ShellTemplateError extends Error {
  override name = "ShellTemplateError";
}

/** Checks a template carries both markers exactly once. */
export function checkShellTemplate(template: string): string {
  for (const marker of [SHELL_TITLE_MARKER, SHELL_MAIN_MARKER]) {
    if (template.split(marker).length !== 2) throw new ShellTemplateError(`The page shell must contain ${marker} exactly once.`);
  }
  return template;
}

/** The shared core: `load` gives the template (called once, then cached; retried after a failure). */
export function pageShellFrom(load: () => Promise<string>): PageShell {
  let template: Promise<string> | undefined;
  const get = () => {
    template ??= load()
      .then(checkShellTemplate)
      .catch((error: unknown) => {
        template = undefined;
        throw error;
      });
    return template;
  };
  return {
    async render({ title, main, status = 200, indexable = false }) {
      const template = await get();
      const body = String(await main);
      let shell = indexable ? template.replace(/<meta name="robots"[^>]*>/, "") : template;
      shell = body.includes(RECEIPT_BUTTONS) ? shell : shell.replace(SHELL_SCRIPT, "");
      // Functions as replacements, so `$&` and friends in citizen text are not patterns.
      const html = shell.replace(SHELL_TITLE_MARKER, () => escapeText(title)).replace(SHELL_MAIN_MARKER, () => body);
      return new Response(html, {
        status,
        headers: { ...PAGE_SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
      });
    },
  };
}

/** Worker entry: the shell from the static assets binding (`[assets] binding = "ASSETS"`). */
export function assetsPageShell(assets: { fetch(request: Request): Promise<Response> }, origin = "https://assets.invalid"): PageShell {
  return pageShellFrom(async () => {
    const res = await assets.fetch(new Request(new URL(SHELL_PATH, origin)));
    if (!res.ok) throw new ShellTemplateError(`The page shell could not be loaded from the assets binding (${res.status}).`);
    return res.text();
  });
}
