/**
 * The HTML answer to a no-JS form post that failed outside a form's own field checks:
 * refused origin, body too large, rate limited, a state that moved on, unavailable, internal
 * error. Says what happened in the error's own Chinese message inside the one error summary,
 * gives the request id, and points back to the form; a form's field errors are shown by the
 * form itself, values kept (see ./error-summary and ./field).
 */
import { html } from "hono/html";
import { errorSummary } from "./error-summary";
import { sync, type Html } from "./html";

export const ERROR_PAGE_HEADING = "无法完成提交";

export function errorPageMain(error: { message: string; requestId: string }): Html {
  return sync(html`<h1>${ERROR_PAGE_HEADING}</h1>
${errorSummary([{ path: "", message: error.message }], { requestId: error.requestId })}
<p>请返回上一页，检查后重新提交。您填写的内容可能仍保留在上一页中。</p>
<p><a href="/">返回首页</a></p>`);
}
