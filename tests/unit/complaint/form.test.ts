import { describe, expect, it } from "vitest";
import { CATEGORY_ORDER, complaintFormHtml } from "../../../src/forms/complaint/complaint-form";

describe("the complaint form renderer", () => {
  it("puts safety and bullying first, with the emergency hotline before its hint", async () => {
    expect(CATEGORY_ORDER[0]).toBe("safety");
    const html = await complaintFormHtml();
    const safety = html.indexOf('value="safety"');
    expect(html.indexOf("正在发生危险时，请先拨打", safety)).toBeGreaterThan(safety);
    expect(html).toContain('href="/policy/5/#clause-5-3"');
    expect(html).toContain("责任部门：财政局");
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
