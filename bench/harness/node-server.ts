/**
 * Starts the real Node entry (functions/node.ts) as a child process for a load scenario, with
 * the Node flags production starts it with (`npm run serve`'s, read from package.json), so
 * the load generator and the server never share an event loop: a free loopback port, its own
 * libSQL file, upload folder and development secrets in the scenario's scratch folder, the
 * built site when there is one. TRUST_PROXY=1 lets each request name its client in
 * X-Forwarded-For (bench/harness/load.ts). The outbox timer is off (OUTBOX_INTERVAL_SECONDS=0):
 * delivery is a separate job (`npm run outbox:deliver`) whose cost is not the submission's;
 * enqueueing the message stays inside every submission's transaction. No demo data is
 * seeded, so every row in the measured tables came from the load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../support/ports";

export type NodeEntry = { url: string; dbFile: string; uploadDir: string; logFile: string; stop(): Promise<void> };

type StartOptions = {
  root: string;
  scratch: string;
  log(line: string): void;
  /** An existing database file to serve (a scenario that filled one itself); else a fresh one in the server's folder. */
  database?: string;
  /** Extra environment, e.g. the secrets the database was sealed with. */
  env?: Record<string, string>;
};

export async function startNodeEntry({ root, scratch, log, database, env: extra = {} }: StartOptions): Promise<NodeEntry> {
  const dir = path.join(scratch, "server");
  // Start from nothing: the checks count every row in the database and every uploaded file.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const dbFile = database ?? path.join(dir, "portal.db");
  const uploadDir = path.join(dir, "uploads");
  const logFile = path.join(dir, "server.log");
  const built = existsSync(path.join(root, "dist/client/index.html"));
  // The bench's own environment, without secrets: the server makes its own unless `extra` gives them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !["DATA_KEY", "INDEX_KEY", "AUTH_SECRET", "PUBLIC_ORIGIN"].includes(name)));
  const env: Record<string, string> = {
    ...(inherited as Record<string, string>),
    APP_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    LIBSQL_URL: `file:${dbFile}`,
    UPLOAD_DIR: uploadDir,
    DEV_SECRETS_FILE: path.join(dir, "dev-secrets.json"),
    SEED_DEMO: "0",
    OUTBOX_INTERVAL_SECONDS: "0",
    TRUST_PROXY: "1",
    ...(built ? { STATIC_DIR: path.join(root, "dist/client") } : { REQUIRE_BUILT_SITE: "0" }),
    ...extra,
  };
  // Logs go to a file: one line per request would otherwise cost the pipe and the bench's terminal.
  const out = createWriteStream(logFile);
  // The Node flags production starts with (`npm run serve`), then any given by hand for profiling:
  // BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (Node refuses --cpu-prof in NODE_OPTIONS).
  const flags = [...servedNodeFlags(root), ...(process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean)];
  const child = spawn(process.execPath, [...flags, "--import", "tsx", "functions/node.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, exited);
  try {
    await waitForHealth(url, exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Node entry up on ${url} (${built ? "built site" : "API only"}), database ${path.relative(root, dbFile)}`);
  return { url, dbFile, uploadDir, logFile, stop };
}

/** The options `npm run serve` gives `node` before the server's file (package.json is their one home). */
export function servedNodeFlags(root: string): string[] {
  const serve: string = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.serve;
  const command = serve.match(/\bnode((?:\s+--\S+)*)\s+dist\/node\/node\.mjs/);
  if (!command) throw new Error(`package.json's serve script no longer reads "node [--flags] dist/node/node.mjs": ${serve}`);
  return command[1]!.split(/\s+/).filter(Boolean);
}

async function waitForHealth(url: string, exited: Promise<number | null>, logFile: string): Promise<void> {
  let done: number | null | undefined;
  void exited.then((code) => (done = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (done !== undefined) throw new Error(`the Node entry exited with code ${done} before answering /api/health; see ${logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the Node entry did not answer /api/health within 60 s; see ${logFile}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
