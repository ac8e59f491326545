import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT, TOO_LARGE_MESSAGE } from "../../../functions/middleware/body-limit";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";
import { plumbingApp } from "./plumbing-app";

const JSON_TYPE = { "Content-Type": "application/json" };

/** A body sent in chunks with no Content-Length, as `Transfer-Encoding: chunked` arrives. */
function chunked(total: number, chunk = 8 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

describe("request body limits", () => {
  const tempDb = useTempDb();
  const app = () => plumbingApp(buildTestApp(tempDb()).deps);

  it("refuse a body over 64 KB by its Content-Length with 413 and a Chinese message", async () => {
    const res = await app().request("/write", { method: "POST", headers: JSON_TYPE, body: " ".repeat(DEFAULT_BODY_LIMIT + 1) });
    expect(res.status).toBe(413);
    const error = await res.json();
    expect(error).toMatchObject({ code: "payload_too_large", message: TOO_LARGE_MESSAGE });
  });

  it("accept a body of exactly 64 KB", async () => {
    const res = await app().request("/write", { method: "POST", headers: JSON_TYPE, body: " ".repeat(DEFAULT_BODY_LIMIT) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: DEFAULT_BODY_LIMIT });
  });

  it("count a chunked body without Content-Length as it streams in", async () => {
    const over = new Request("http://localhost/write", { method: "POST", headers: { ...JSON_TYPE, "Transfer-Encoding": "chunked" }, body: chunked(DEFAULT_BODY_LIMIT + 10), duplex: "half" } as RequestInit);
    expect(over.headers.has("Content-Length")).toBe(false);
    expect((await app().request(over)).status).toBe(413);
    const under = new Request("http://localhost/write", { method: "POST", headers: { ...JSON_TYPE, "Transfer-Encoding": "chunked" }, body: chunked(1000), duplex: "half" } as RequestInit);
    const ok = await app().request(under);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ bytes: 1000 });
  });

  it("let a route that takes files raise its own limit, which replaces the default there only", async () => {
    const big = " ".repeat(200 * 1024);
    expect((await app().request("/upload", { method: "POST", headers: JSON_TYPE, body: big })).status).toBe(200);
    expect((await app().request("/write", { method: "POST", headers: JSON_TYPE, body: big })).status).toBe(413);
    expect((await app().request("/upload", { method: "POST", headers: JSON_TYPE, body: " ".repeat(300 * 1024 + 1) })).status).toBe(413);
  });
});
