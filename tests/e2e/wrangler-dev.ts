/**
 * Starts the built Worker (dist/server, written by the e2e global setup's `npm run build`) in
 * workerd with `wrangler dev` on a free loopback port, each instance with its own local state
 * (miniflare's R2 included) and the variables given, and stops it with the workerd it spawned.
 * `fireCron` fires a Cron Trigger through miniflare's `/cdn-cgi/local/scheduled` (wrangler's
 * `--test-scheduled` route needs its bundling middleware, which Astro's `no_bundle` build skips).
 * Shared by the Worker e2e files so each starts workerd once for all its cases.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../support/ports";
import { tempDir } from "../fixtures/temp-db";

/** `persistDir` holds miniflare's local state (R2 objects under v3/r2). */
export type Worker = { url: string; process: ChildProcess; persistDir: string; output(): string };

export async function startWorker(vars: Record<string, string>, { extraArgs = [] as string[] } = {}): Promise<Worker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), ...extraArgs];
  const persistDir = tempDir("balance-wrangler-");
  args.push("--persist-to", persistDir);
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  let output = "";
  const child = spawn(path.resolve("node_modules/.bin/wrangler"), args, {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it also stops the workerd it starts.
    detached: true,
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const worker: Worker = { url, process: child, persistDir, output: () => output };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      await fetch(`${url}/robots.txt`);
      return worker;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  stopWorker(worker);
  throw new Error(`wrangler dev did not start within 90 s:\n${output}`);
}

export function stopWorker(worker: Worker | undefined) {
  if (worker?.process.pid && worker.process.exitCode === null) process.kill(-worker.process.pid, "SIGTERM");
}

/** Runs the Worker's `scheduled()` for `cron`: 200 when it finished, 500 when it threw. */
export const fireCron = (worker: Worker, cron: string) => fetch(`${worker.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(cron)}&format=json`);

/**
 * CPU time (user + system, ms) the workerd processes of this wrangler have used so far, read
 * from /proc (Linux; null elsewhere). Clock ticks are 10 ms, so measure work of 100 ms and more.
 * Workers measure CPU the same way: time on the CPU, not waiting for the database.
 */
export function workerdCpuMs(worker: Worker): number | null {
  const group = worker.process.pid;
  if (!group || process.platform !== "linux") return null;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // Fields after the name: state ppid pgrp … utime (14th) stime (15th) of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (name === "workerd" && Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}
