import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../functions/config";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp, testSecrets } from "../../fixtures/test-app";
import { plumbingApp } from "./plumbing-app";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const body = "name=%E5%BC%A0%E4%B8%89&website=";

describe("plain HTML form posts (no JavaScript)", () => {
  const tempDb = useTempDb();
  const app = () => {
    const config = parseConfig({ APP_ENV: "test", PUBLIC_ORIGIN: "https://jyj.example.gov.cn", ...testSecrets() });
    return plumbingApp(buildTestApp(tempDb(), { config }).deps);
  };
  const post = (headers: Record<string, string>) => app().request("http://localhost/write", { method: "POST", headers: { ...FORM, ...headers }, body });

  it("are accepted with Sec-Fetch-Site: same-origin", async () => {
    expect((await post({ "Sec-Fetch-Site": "same-origin", Origin: "null" })).status).toBe(200);
  });

  it("are accepted from a browser without Sec-Fetch-Site when Origin is this origin or the public origin", async () => {
    expect((await post({ Origin: "http://localhost" })).status).toBe(200);
    expect((await post({ Origin: "https://jyj.example.gov.cn" })).status).toBe(200);
  });

  it("are refused without a positive same-origin signal, since any site can send that type without a preflight", async () => {
    const none = await post({});
    expect(none.status).toBe(403);
    // A form post's error comes as a page (src/forms/error-page), with the same message.
    expect(await none.text()).toContain("<li>请求来源不正确。请从本平台的页面提交。</li>");
    expect((await post({ Origin: "null" })).status).toBe(403);
  });

  it("are refused from another site", async () => {
    expect((await post({ "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-site", Origin: "https://sub.jyj.example.gov.cn" })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
  });

  it("leave the JSON rule as it was: JSON without browser headers passes, other types are 415", async () => {
    const json = await app().request("http://localhost/write", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(200);
    const text = await app().request("http://localhost/write", {
      method: "POST",
      headers: { "Content-Type": "text/plain", "Sec-Fetch-Site": "same-origin" },
      body: "x",
    });
    expect(text.status).toBe(415);
  });
});
