/**
 * Labels for the card layout of a table (issue 18 item 1): on a narrow screen each body row
 * becomes a card and each cell shows its column's header before its value. CSS can read the
 * header only from an attribute (`content: attr(data-label)`; the CSP forbids style
 * attributes and the pages run no script), so this copies each header's text onto the cells of
 * its column in the rendered table HTML. Tables here have no colspan or rowspan.
 */

/** Text of an HTML fragment: tags dropped, the entities Astro writes decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The text of each column header in the table's <thead>, in order. */
export function columnHeaders(tableHtml: string): string[] {
  const head = tableHtml.match(/<thead\b[\s\S]*?<\/thead>/)?.[0] ?? "";
  return [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => plainText(m[1]!));
}

/** The table HTML with `data-label="<header>"` on every body cell (td or th) that lacks one. */
export function labelCells(tableHtml: string, headers = columnHeaders(tableHtml)): string {
  return tableHtml.replace(/<tbody\b[\s\S]*?<\/tbody>/g, (body) =>
    body.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
      let column = 0;
      return row.replace(/<(td|th)\b([^>]*)>/g, (cell, tag: string, attrs: string) => {
        const header = headers[column++];
        if (!header || /\sdata-label=/.test(attrs)) return cell;
        return `<${tag}${attrs} data-label="${attr(header)}">`;
      });
    }),
  );
}
