import { describe, expect, it } from "vitest";
import { PAGE_SECURITY_HEADERS, API_SECURITY_HEADERS } from "../../../functions/middleware/security-headers";
import { isNoJsFormPost } from "../../../functions/http/answer";
import { minimalPageShell } from "../../fixtures/page-shell";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";
import { plumbingApp } from "./plumbing-app";

const FORM = { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" };

describe("errors answering a plain HTML form post", () => {
  const tempDb = useTempDb();
  const app = () => plumbingApp(buildTestApp(tempDb(), { pageShell: minimalPageShell() }).deps);

  it("come as a page in the site's frame with the message, the request id and the page CSP", async () => {
    const res = await app().request("/write", { method: "POST", headers: FORM, body: `a=${"x".repeat(70 * 1024)}` });
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Security-Policy")).toBe(PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const page = await res.text();
    expect(page).toContain("<title>错误：无法完成提交 - 测试平台</title>");
    expect(page).toContain("<li>提交的内容太大，请减少内容或附件后重试。</li>");
    expect(page).toContain(`请求编号：${res.headers.get("X-Request-Id")}`);
  });

  it("keep Retry-After on a rate-limited form post", async () => {
    const a = app();
    for (let i = 0; i < 10; i++) await a.request("/limited", { method: "POST", headers: FORM, body: "" });
    const res = await a.request("/limited", { method: "POST", headers: FORM, body: "" });
    expect(res.status).toBe(429);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("stay JSON for the portal's scripts, which send Accept: application/json", async () => {
    const res = await app().request("/write", { method: "POST", headers: { ...FORM, Accept: "application/json" }, body: `a=${"x".repeat(70 * 1024)}` });
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Security-Policy")).toBe(API_SECURITY_HEADERS["Content-Security-Policy"]);
    expect((await res.json()).code).toBe("payload_too_large");
  });

  it("are recognised by content type and Accept", () => {
    const req = (type: string, accept?: string, method = "POST") =>
      new Request("http://x/", { method, headers: { "Content-Type": type, ...(accept ? { Accept: accept } : {}) } });
    expect(isNoJsFormPost(req("application/x-www-form-urlencoded"))).toBe(true);
    expect(isNoJsFormPost(req("multipart/form-data; boundary=x", "text/html,*/*"))).toBe(true);
    expect(isNoJsFormPost(req("multipart/form-data; boundary=x", "application/json"))).toBe(false);
    expect(isNoJsFormPost(req("application/json"))).toBe(false);
  });
});
