import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { PAGE_SECURITY_HEADERS } from "../../../functions/middleware/security-headers";
import { filePageShell } from "../../../functions/platform/file-page-shell";
import { assetsPageShell, pageShellFrom, pageTitle, SHELL_MAIN_MARKER, SHELL_TITLE_MARKER } from "../../../functions/platform/page-shell";
import { errorSummary } from "../../../src/forms/error-summary";
import { MINIMAL_SHELL, minimalPageShell } from "../../fixtures/page-shell";
import { tempDir, useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";
import { plumbingApp } from "./plumbing-app";

const XSS = "<script>alert(1)</script>";

describe("the page shell for no-JS answers", () => {
  it("puts the escaped title and the main HTML into the shell, with the page CSP and no-store", async () => {
    const fields = [{ path: "child.name", message: "请输入孩子的姓名" }];
    const res = await minimalPageShell().render({
      title: pageTitle(`申请 ${XSS}`, true),
      main: html`${errorSummary(fields)}<h1>申请入学</h1><input id="field-child-name" name="child.name" value="${XSS}">`,
      status: 422,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Security-Policy")).toBe(PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
    const page = await res.text();
    expect(page).toContain("<title>错误：申请 &lt;script&gt;alert(1)&lt;/script&gt; - 测试平台</title>");
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain(XSS);
    expect(page).toContain('<a href="#field-child-name">请输入孩子的姓名</a>');
    expect(page).not.toContain(SHELL_MAIN_MARKER);
    expect(page).not.toContain(SHELL_TITLE_MARKER);
  });

  it("keeps `$&` and similar replacement patterns in citizen text as typed", async () => {
    const page = await (await minimalPageShell().render({ title: "a $& b", main: html`<p>${"x $' y $1"}</p>` })).text();
    expect(page).toContain("<title>a $&amp; b - 测试平台</title>");
    expect(page).toContain("<p>x $&#39; y $1</p>");
  });

  it("keeps the shell's receipt script only in answers with receipt buttons", async () => {
    const withScript = MINIMAL_SHELL.replace("</main>", '</main><!--PAGE_SHELL_SCRIPT--><script type="module" src="/_astro/r.js"></script><!--/PAGE_SHELL_SCRIPT-->');
    const shell = pageShellFrom(async () => withScript);
    const plain = await (await shell.render({ title: "统计", main: "<p>1</p>" })).text();
    expect(plain).not.toContain("<script");
    expect(plain).not.toContain("PAGE_SHELL_SCRIPT");
    const receipt = await (await shell.render({ title: "回执", main: '<div data-code-actions data-code="X"></div>' })).text();
    expect(receipt).toContain('<script type="module" src="/_astro/r.js"></script>');
  });

  it("on Node reads the built shell from the static directory once", async () => {
    const dir = tempDir("page-shell-");
    mkdirSync(path.join(dir, "shell"));
    writeFileSync(path.join(dir, "shell", "index.html"), MINIMAL_SHELL);
    const shell = filePageShell(dir);
    expect(await (await shell.render({ title: "一", main: "<p>1</p>" })).text()).toContain("<p>1</p>");
    writeFileSync(path.join(dir, "shell", "index.html"), "changed");
    expect(await (await shell.render({ title: "二", main: "<p>2</p>" })).text()).toContain("<title>二 - 测试平台</title>");
  });

  it("refuses a shell without its markers instead of answering a page without content", async () => {
    const dir = tempDir("page-shell-");
    mkdirSync(path.join(dir, "shell"));
    writeFileSync(path.join(dir, "shell", "index.html"), "<html><title>x</title><main></main></html>");
    await expect(filePageShell(dir).render({ title: "x", main: "" })).rejects.toThrow(/PAGE_SHELL_TITLE/);
  });

  it("on the Worker fetches the shell from the assets binding at /shell/", async () => {
    const asked: string[] = [];
    const assets = {
      fetch: async (req: Request) => {
        asked.push(new URL(req.url).pathname);
        return new Response(MINIMAL_SHELL);
      },
    };
    const res = await assetsPageShell(assets).render({ title: "工", main: "<p>w</p>" });
    expect(await res.text()).toContain("<p>w</p>");
    expect(asked).toEqual(["/shell/"]);
  });

  describe("through the API's middleware", () => {
    const tempDb = useTempDb();
    it("keeps the page CSP (stylesheets load) instead of the API's deny-all one", async () => {
      const app = plumbingApp(buildTestApp(tempDb()).deps);
      const res = await app.request("/page");
      expect(res.headers.get("Content-Security-Policy")).toBe(PAGE_SECURITY_HEADERS["Content-Security-Policy"]);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    });
  });
});
