import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { errorSummary } from "../../../src/forms/error-summary";
import { fieldAttrs, fieldError } from "../../../src/forms/field";

const XSS = "<script>alert(1)</script>";

describe("the server-rendered error summary", () => {
  it("is titled 存在以下问题 and links each message to its field", async () => {
    const out = String(errorSummary([{ path: "guardians.0.phone", message: "请输入手机号码" }, { path: "", message: "请确认声明" }]));
    expect(out).toContain('class="error-summary" role="alert" tabindex="-1" autofocus');
    expect(out).toContain("<h2>存在以下问题</h2>");
    expect(out).toContain('<li><a href="#field-guardians-0-phone">请输入手机号码</a></li>');
    expect(out).toContain("<li>请确认声明</li>");
  });

  it("is empty when there is nothing wrong", async () => {
    expect(String(errorSummary([]))).toBe("");
  });

  it("escapes a citizen's value and any message, wherever it is interpolated", async () => {
    const fields = [{ path: `name"><img src=x onerror=alert(1)>`, message: XSS }];
    const page = String(await html`${errorSummary(fields)}${fieldError(fields, fields[0]!.path)}<input value="${XSS}"${fieldAttrs(fields, fields[0]!.path)}>`);
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain('aria-invalid="true" aria-describedby="field-name-img-src-x-onerror-alert-1-error"');
  });
});
