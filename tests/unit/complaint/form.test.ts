import { describe, expect, it } from "vitest";
import { SCHOOL_DIRECTORY, SCHOOL_GROUPS } from "../../../src/domain/complaint/directory.generated";
import { CATEGORY_ORDER, complaintFormHtml } from "../../../src/forms/complaint/complaint-form";

describe("the complaint form renderer", () => {
  it("puts safety first, says the emergency advice once (above the form, not per category), and explains categories on demand", async () => {
    expect(CATEGORY_ORDER[0]).toBe("safety");
    const html = await complaintFormHtml();
    expect(html).not.toContain("正在发生危险时，请先拨打");
    const details = html.indexOf('<details class="category-details"');
    expect(details).toBeGreaterThan(html.lastIndexOf('name="category"'));
    // Policy links live in the closed details element and open in a new tab, saying so.
    expect(html.indexOf('href="/policy/5/#clause-5-3"')).toBeGreaterThan(details);
    expect(html).toMatch(/href="\/policy\/5\/#clause-5-3" target="_blank" rel="noopener">第[^<]*（在新标签页打开）<\/a>/);
    expect(html).toContain("责任部门：财政局");
    // Twelve radios and nothing focusable between them.
    const radios = html.slice(html.indexOf('name="category"'), details);
    expect(radios).not.toContain("<a ");
  });

  it("groups the schools by township, ordered by name, with no hint a Chinese input method cannot use", async () => {
    const html = await complaintFormHtml();
    expect(html).not.toContain("键入名称的第一个字");
    const groups = [...html.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/gs)];
    expect(groups.map((g) => g[1])).toEqual(SCHOOL_GROUPS.map((g) => g.township));
    const collator = new Intl.Collator("zh-Hans-CN");
    for (const [, , options] of groups) {
      const names = [...options!.matchAll(/<option value="[^"]+">([^<]+)<\/option>/g)].map((m) => m[1]!);
      expect(names).toEqual([...names].sort(collator.compare));
    }
    expect(groups.reduce((n, g) => n + (g[2]!.match(/<option /g) ?? []).length, 0)).toBe(SCHOOL_DIRECTORY.length);
  });

  it("keeps the filer's values, escaped, and marks each field's error", async () => {
    const html = await complaintFormHtml({
      values: { category: "fees", school: "none", whatHappened: `</textarea><script>x()</script>`, name: `"><b>`, contactMode: "named", publishConsent: "on" },
      errors: [{ path: "phone", message: "实名投诉请填写手机号码或电子邮箱，至少一项" }],
    });
    expect(html).not.toContain("<script>x()");
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;");
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;"');
    expect(html).toMatch(/value="fees" checked/);
    expect(html).toMatch(/<option value="none" selected>/);
    expect(html).toMatch(/name="publishConsent" id="field-publishConsent" checked/);
    expect(html).toContain('<a href="#field-phone">');
    expect(html).toMatch(/id="field-phone"[^>]*aria-invalid="true"[^>]*aria-describedby="field-phone-error"/);
  });
});
