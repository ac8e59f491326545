/**
 * The HTML answer to a no-JS form post that failed before (or outside) the feature's own
 * error handling: refused origin, body too large, rate limited, unavailable, internal error.
 * Says what happened in the error's own Chinese message, gives the request id, and points
 * back to the form; a feature's validation errors are rendered by the feature itself with its
 * form, the values kept and the error summary (see views/error-summary).
 */
import { html } from "hono/html";
import type { PageShell } from "../platform/page-shell";
import { pageTitle } from "../platform/page-shell";

export const ERROR_PAGE_HEADING = "无法完成提交";

export function renderErrorPage(shell: PageShell, error: { status: number; message: string; requestId: string; retryAfter?: number }): Promise<Response> {
  return shell.render({
    title: pageTitle(ERROR_PAGE_HEADING, true),
    status: error.status,
    main: html`<h1>${ERROR_PAGE_HEADING}</h1>
<div class="error-summary" role="alert" tabindex="-1" autofocus>
  <h2>存在以下问题</h2>
  <ul><li>${error.message}</li></ul>
  <p class="request-id">请求编号：${error.requestId}</p>
</div>
<p>请返回上一页，检查后重新提交。您填写的内容可能仍保留在上一页中。</p>
<p><a href="/">返回首页</a></p>`,
  });
}
