/**
 * A group of fields under one legend (GOV.UK fieldset): the radios of one question, a
 * guardian's details, the contact fields of a named complaint. The legend is what a screen
 * reader announces before each field inside, so it is a question or a heading, never blank.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { sync, type Html } from "./html";

type Body = HtmlEscapedString | string | readonly (HtmlEscapedString | string)[];

export function fieldset(o: { legend: Html | string; className?: string; attrs?: Html }, body: Body): Html {
  return sync(html`<fieldset class="${o.className ?? "field"}"${o.attrs ?? ""}>
  <legend>${o.legend}</legend>
  ${body}
</fieldset>`);
}
