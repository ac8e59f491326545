/**
 * Builds the site (Astro + Pagefind), starts the real Node entry on a free port with a
 * temporary database, and hands the URL and the browser path to the tests.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { tempDir } from "../fixtures/temp-db";
import { freePort } from "../../support/ports";
import { findChromium, INSTALL_HINT } from "../../support/browser";

declare module "vitest" {
  interface ProvidedContext {
    baseUrl: string;
    browserPath: string;
    /** What the server printed at start: the demo seed's one-time staff credentials. */
    startupOutput: string;
    /** The server's database, for tests that create their own staff accounts (the demo ones are single-use). */
    databaseUrl: string;
  }
}

const bin = path.resolve("node_modules/.bin");

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The Node entry exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The Node entry did not answer within 60 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const browserPath = findChromium();
  if (!browserPath) {
    if (process.env.REQUIRE_BROWSER === "1") throw new Error(`REQUIRE_BROWSER=1 but ${INSTALL_HINT}`);
    console.warn(`\n${INSTALL_HINT}\n`);
  }

  const build = spawnSync("npm", ["run", "build"], { encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);

  const dir = tempDir("balance-e2e-");
  const port = await freePort();
  let output = "";
  const server = spawn(path.join(bin, "tsx"), ["functions/node.ts"], {
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      APP_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      LIBSQL_URL: `file:${path.join(dir, "e2e.db")}`,
      UPLOAD_DIR: path.join(dir, "uploads"),
      DEV_SECRETS_FILE: path.join(dir, "dev-secrets.json"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, () => output);
  project.provide("baseUrl", baseUrl);
  project.provide("browserPath", browserPath ?? "");
  project.provide("startupOutput", output);
  project.provide("databaseUrl", `file:${path.join(dir, "e2e.db")}`);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    rmSync(dir, { recursive: true, force: true });
  };
}
