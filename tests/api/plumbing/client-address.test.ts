/**
 * The client's address as the rate limits see it, over real sockets: the socket's peer by
 * default; behind proxies, X-Forwarded-For read from the right (TRUST_PROXY hops or proxy
 * addresses). A real appending proxy (as nginx's `$proxy_add_x_forwarded_for`) in front of
 * the API's rate-limited route shows that a client writing its own leftmost hop cannot pick
 * its rate-limit key.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { nodeClientAddress, UNKNOWN_ADDRESS, workerClientAddress } from "../../../functions/platform/client-address";
import { clientFromForwarded, type TrustProxy } from "../../../functions/platform/trust-proxy";
import { useTempDb } from "../../fixtures/temp-db";
import { buildTestApp } from "../../fixtures/test-app";
import { plumbingApp } from "./plumbing-app";

type Fetch = (req: Request) => Response | Promise<Response>;

async function listen(fetch: Fetch): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = serve({ fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A real Node server answering with what nodeClientAddress sees. */
async function withServer(trust: TrustProxy, run: (url: string) => Promise<void>) {
  const clientAddress = nodeClientAddress(trust);
  const app = new Hono().get("/", (c) => c.text(clientAddress(c.req.raw, c)));
  const server = await listen(app.fetch);
  try {
    await run(server.url);
  } finally {
    await server.close();
  }
}

/** A reverse proxy that appends the address it sees to X-Forwarded-For, as nginx's `$proxy_add_x_forwarded_for` does. */
async function appendingProxy(upstreamPort: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const seen = req.socket.remoteAddress!.replace(/^::ffff:/, "");
    const prior = req.headers["x-forwarded-for"];
    const headers = { ...req.headers, "x-forwarded-for": prior ? `${prior}, ${seen}` : seen };
    const upstream = http.request({ host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the client's address", () => {
  const tempDb = useTempDb();

  it("on Node is the socket's peer, and a forged X-Forwarded-For is ignored without TRUST_PROXY", async () => {
    await withServer({ hops: 0 }, async (url) => {
      const seen = await (await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.9" } })).text();
      expect(seen).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });
  });

  it("behind one trusted proxy (TRUST_PROXY=1) is the rightmost X-Forwarded-For hop, the one the proxy wrote", async () => {
    await withServer({ hops: 1 }, async (url) => {
      expect(await (await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.20" } })).text()).toBe("198.51.100.20");
      expect(await (await fetch(url)).text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    });
  });

  it("reads hops from the right: a number of hops, or the proxies' addresses", () => {
    const chain = "1.1.1.1, 203.0.113.9, 10.0.0.2";
    expect(clientFromForwarded({ hops: 2 }, "10.0.0.3", chain)).toBe("203.0.113.9");
    // Fewer entries than trusted hops: the farthest one there is.
    expect(clientFromForwarded({ hops: 5 }, "10.0.0.3", chain)).toBe("1.1.1.1");
    const proxies = { proxies: ["10.0.0.2", "10.0.0.3"] };
    expect(clientFromForwarded(proxies, "10.0.0.3", chain)).toBe("203.0.113.9");
    expect(clientFromForwarded(proxies, "::ffff:10.0.0.3", chain)).toBe("203.0.113.9");
    // A peer that is not one of the proxies is the client, whatever it wrote.
    expect(clientFromForwarded(proxies, "192.0.2.50", chain)).toBe("192.0.2.50");
    // A garbage hop where an address should be: the peer, never the garbage.
    expect(clientFromForwarded({ hops: 1 }, "10.0.0.3", "1.1.1.1, evil-host")).toBe("10.0.0.3");
    expect(clientFromForwarded(proxies, "10.0.0.3", "x, 10.0.0.2")).toBe("10.0.0.3");
  });

  it("behind an appending proxy, a client forging its leftmost hop cannot change its rate-limit key (TRUST_PROXY=1)", async () => {
    const { deps } = buildTestApp(tempDb(), { clientAddress: nodeClientAddress({ hops: 1 }) });
    const api = await listen(plumbingApp(deps).fetch);
    const proxy = await appendingProxy(api.port);
    try {
      const statuses: number[] = [];
      // The route allows 10 an hour per client; each request claims to come from a new address.
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${proxy.url}/limited`, { method: "POST", headers: { "X-Forwarded-For": `203.0.113.${i}` } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    } finally {
      await proxy.close();
      await api.close();
    }
  });

  it("on Node without a socket (an in-process request) falls back to one shared bucket", () => {
    expect(nodeClientAddress({ hops: 0 })(new Request("http://localhost/"))).toBe(UNKNOWN_ADDRESS);
  });

  it("on Cloudflare is CF-Connecting-IP", () => {
    const req = new Request("http://localhost/", { headers: { "CF-Connecting-IP": "2001:db8::1", "X-Forwarded-For": "203.0.113.9" } });
    expect(workerClientAddress(req)).toBe("2001:db8::1");
    expect(workerClientAddress(new Request("http://localhost/"))).toBe(UNKNOWN_ADDRESS);
  });
});
