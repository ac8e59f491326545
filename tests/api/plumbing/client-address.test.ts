import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { nodeClientAddress, UNKNOWN_ADDRESS, workerClientAddress } from "../../../functions/platform/client-address";

/** A real Node server answering with what nodeClientAddress sees. */
async function withServer(trustProxy: boolean, run: (url: string) => Promise<void>) {
  const clientAddress = nodeClientAddress(trustProxy);
  const app = new Hono().get("/", (c) => c.text(clientAddress(c.req.raw, c)));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe("the client's address", () => {
  it("on Node is the socket's peer, and a forged X-Forwarded-For is ignored without TRUST_PROXY", async () => {
    await withServer(false, async (url) => {
      const seen = await (await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.9" } })).text();
      expect(seen).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });
  });

  it("on Node behind a trusted proxy (TRUST_PROXY=1) is the first X-Forwarded-For hop", async () => {
    await withServer(true, async (url) => {
      expect(await (await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.9, 10.0.0.2" } })).text()).toBe("203.0.113.9");
      expect(await (await fetch(url)).text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });
  });

  it("on Node without a socket (an in-process request) falls back to one shared bucket", () => {
    expect(nodeClientAddress(false)(new Request("http://localhost/"))).toBe(UNKNOWN_ADDRESS);
  });

  it("on Cloudflare is CF-Connecting-IP", () => {
    const req = new Request("http://localhost/", { headers: { "CF-Connecting-IP": "2001:db8::1", "X-Forwarded-For": "203.0.113.9" } });
    expect(workerClientAddress(req)).toBe("2001:db8::1");
    expect(workerClientAddress(new Request("http://localhost/"))).toBe(UNKNOWN_ADDRESS);
  });
});
