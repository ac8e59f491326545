/** The card layout's labels (src/lib/table-labels.ts): each body cell gets its column's header. */
import { describe, expect, it } from "vitest";
import { columnHeaders, labelCells } from "../../src/lib/table-labels";

const table = `<thead><tr><th scope="col">学校（学段）</th><th scope="col" class="num">大小&amp;“字节”</th><th>说明 <a href="#x">?</a></th></tr></thead>
<tbody><tr data-section="a"><th scope="row"><a href="/s/a/">甲小学</a></th><td class="num">12</td><td>一</td></tr>
<tr><th scope="row">乙</th><td class="num" data-label="自定">3</td></tr></tbody>`;

describe("card labels for a table", () => {
  it("reads the header texts, tags dropped and entities decoded", () => {
    expect(columnHeaders(table)).toEqual(["学校（学段）", "大小&“字节”", "说明 ?"]);
  });

  it("labels every body cell with its column's header, escaped for an attribute, and keeps a label already there", () => {
    const out = labelCells(table);
    expect(out).toContain(`<th scope="row" data-label="学校（学段）"><a href="/s/a/">甲小学</a></th>`);
    expect(out).toContain(`<td class="num" data-label="大小&amp;“字节”">12</td>`);
    expect(out).toContain(`<td data-label="说明 ?">一</td>`);
    expect(out).toContain(`<td class="num" data-label="自定">3</td>`);
    // The header row itself is left alone, and a short row labels only the cells it has.
    expect(out.match(/<thead[\s\S]*<\/thead>/)![0]).not.toContain("data-label");
    expect(out.match(/data-label=/g)).toHaveLength(5);
  });

  it("leaves a table without a body unchanged", () => {
    expect(labelCells("<thead><tr><th>甲</th></tr></thead>")).toBe("<thead><tr><th>甲</th></tr></thead>");
  });
});
