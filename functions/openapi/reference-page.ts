/**
 * The API reference page: every operation of the OpenAPI document, grouped by tag, as plain
 * tables (method, path, what it does) with links to the machine-readable document. Rendered
 * from the document itself, so the two never disagree; no script, no CDN. Escaped by hono/html.
 */
import { html } from "hono/html";
import type { OpenApiDocument } from "./document";

type Op = { summary: string; operationId: string };

export function referencePage(doc: OpenApiDocument) {
  const rows = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as Record<string, Op & { tags: string[] }>).map(([method, op]) => ({ path, method, ...op })));
  return html`<h1>公开接口说明</h1>
<div class="prose">
  <p>本平台公开接口的完整说明（OpenAPI 3.1）：<a href="/api/openapi.json">openapi.json</a>。下面按用途列出每个接口，地址都以 <code>/api</code> 开头。工作人员使用的接口不在其中。</p>
</div>
${doc.tags.map(
  (tag) => html`<h2 id="tag-${tag.name}">${tag.name}</h2>
<p>${tag.description}</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="tag-${tag.name}">
<table class="stats-table">
  <caption>${tag.description}的接口</caption>
  <thead><tr><th scope="col">方法</th><th scope="col">地址</th><th scope="col">用途</th></tr></thead>
  <tbody>${rows
    .filter((r) => r.tags.includes(tag.name))
    .map((r) => html`<tr><td><code>${r.method.toUpperCase()}</code></td><th scope="row"><code>/api${r.path}</code></th><td>${r.summary}</td></tr>`)}</tbody>
</table>
</div>`,
)}`;
}
