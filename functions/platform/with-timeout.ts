/**
 * `withTimeout(work, ms)`: the work's result, or a ProbeTimeoutError once `ms` have passed.
 * The health probes use it so a check that waits behind the Node client's one database lock
 * (platform/serialized-client) answers "unavailable" in bounded time instead of queueing
 * with the submissions it is meant to watch. The work itself is not cancelled.
 */
export class ProbeTimeoutError extends Error {
  override name = "ProbeTimeoutError";
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
