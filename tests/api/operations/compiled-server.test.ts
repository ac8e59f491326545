/**
 * Issue 15 item 12: production runs JavaScript compiled at build time, not tsx. Builds the
 * bundle (functions/cli/build-server.ts) into a temp folder, creates the database with the
 * compiled `db-init.mjs` and starts the compiled `node.mjs` in production on it with plain
 * `node`: health answers 200, and the migrations were found beside the bundle.
 */
import { spawn, spawnSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../../functions/cli/build-server";
import { freePort } from "../../../support/ports";
import { nodeEnvIn } from "../../fixtures/node-env";
import { testSecrets } from "../../fixtures/test-app";

describe("the compiled server (dist/node)", () => {
  it("builds, initialises a database and serves /api/health in production without tsx", async () => {
    const { dir, env } = nodeEnvIn();
    const outdir = path.join(dir, "server");
    const outputs = await buildServer(outdir);
    expect(outputs.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["node.mjs", "db-init.mjs", "keys-rotate.mjs", "backup.mjs", "restore.mjs"]));
    // Packages stay external: let the temp folder find this project's node_modules, as a deployment's would.
    symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    const production = { ...process.env, ...env, APP_ENV: "production", ...testSecrets(), PORT: String(await freePort()) };

    const init = spawnSync(process.execPath, [path.join(outdir, "db-init.mjs")], { env: production, encoding: "utf8" });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("Created the database");

    const child = spawn(process.execPath, [path.join(outdir, "node.mjs")], { env: production, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    for (let i = 0; i < 150 && !output.includes("is running at"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain("is running at");
    expect((await fetch(`http://127.0.0.1:${production.PORT}/api/health`)).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
