import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../support/ports";
import { tempDir } from "../fixtures/temp-db";

describe("functions/node.ts as a process", () => {
  it("prints its URL, serves, and stops cleanly on Ctrl-C (SIGINT)", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "site"));
    writeFileSync(path.join(dir, "site", "index.html"), "<h1>首页</h1>");
    const port = await freePort();
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["functions/node.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        LIBSQL_URL: `file:${path.join(dir, "local.db")}`,
        STATIC_DIR: path.join(dir, "site"),
        UPLOAD_DIR: path.join(dir, "uploads"),
        DEV_SECRETS_FILE: path.join(dir, "dev-secrets.json"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    for (let i = 0; i < 200 && !output.includes("is running at"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain(`is running at http://localhost:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGINT received, stopping");
  });

  it("refuses to start without a built site, saying how to build it", async () => {
    const dir = tempDir();
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["functions/node.ts"], {
      env: { ...process.env, STATIC_DIR: path.join(dir, "missing") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr?.on("data", (d) => (errors += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(errors).toContain("npm run build");
  });
});
