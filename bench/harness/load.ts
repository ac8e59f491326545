/**
 * HTTP load with autocannon (the maintained Node load generator the issue names): N
 * keep-alive connections for D seconds, each request built fresh by `make(n)` so every one is
 * a distinct submission. Each request names its own client in X-Forwarded-For (the server
 * runs with TRUST_PROXY=1): real submissions come from many families, and one client's
 * limit of 10 an hour would otherwise turn the run into 429s, while the limiter's upsert
 * still runs on every request.
 *
 * When the duration ends autocannon drops its connections, so a few requests are sent but
 * never answered; the server may or may not have stored them. To count "2xx responses"
 * exactly, those requests are sent once more afterwards with the same Idempotency-Key and
 * body, as a browser retries: the portal answers 201 if the first never committed, or
 * replays the stored answer (200) if it did. Either way each submission ends with one 2xx
 * and, if the product keeps its promise, one row. The figures (requests/s, latency) are
 * autocannon's own and do not include these retries.
 */
import autocannon from "autocannon";
import type { LoadRequest } from "../fixtures/submissions";

export type LoadFigures = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Status → count, autocannon's responses only. */
  statuses: Record<string, number>;
  /** A few distinct non-2xx bodies, to say why in a note. */
  samples: string[];
};

export type SubmissionLoad = LoadFigures & {
  /** Requests sent again after the run because their answer never came. */
  retried: number;
  /** 2xx answers of those retries. */
  retried2xx: number;
  /** Every submission that ended with a 2xx: autocannon's plus the retries'. */
  total2xx: number;
};

type Shape = { url: string; connections: number; seconds: number };

function figures(result: autocannon.Result, samples: string[]): LoadFigures {
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: result.requests.total,
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    samples,
  };
}

/** The same request on every connection (GET /api/health), for the baseline. */
export async function loadSame({ url, connections, seconds }: Shape, path: string): Promise<LoadFigures> {
  const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds });
  return figures(result, []);
}

type Context = { n?: number };

/** Distinct requests from `make(n)`; afterwards, unanswered ones are retried once (see above). */
export async function loadDistinct({ url, connections, seconds }: Shape, make: (n: number) => LoadRequest): Promise<SubmissionLoad> {
  let next = 0;
  const unanswered = new Map<number, LoadRequest>();
  const samples = new Set<string>();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // A 200 KB body takes a while to send on a busy machine; only a real hang should time out.
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context: Context) => {
          const n = next++;
          const r = make(n);
          unanswered.set(n, r);
          context.n = n;
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
        onResponse: (status, body, context: Context) => {
          if (context.n !== undefined) unanswered.delete(context.n);
          if ((status < 200 || status > 299) && samples.size < 5) samples.add(`${status} ${body.slice(0, 200)}`);
        },
      },
    ],
  });
  // Let the server finish what it was handed before asking again.
  await new Promise((r) => setTimeout(r, 2000));
  let retried2xx = 0;
  for (const r of unanswered.values()) {
    const res = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body ? new Uint8Array(r.body) : undefined });
    const text = await res.text();
    if (res.ok) retried2xx++;
    else if (samples.size < 5) samples.add(`retry ${res.status} ${text.slice(0, 200)}`);
  }
  const base = figures(result, [...samples]);
  return { ...base, retried: unanswered.size, retried2xx, total2xx: base.ok2xx + retried2xx };
}
