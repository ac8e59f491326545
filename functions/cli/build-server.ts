/**
 * `npm run build:server` (part of `npm run build`): compiles the Node entry and the operator
 * commands to plain JavaScript in dist/node (beside, not inside, the Worker build Astro writes to dist/server) with esbuild (already installed with tsx and
 * Vite), so a production start runs `node dist/node/node.mjs` and never compiles
 * TypeScript. Packages stay external (read from node_modules at run time; @libsql/client has
 * a native part); the project's own code is bundled, shared parts split into chunks. The
 * migrations are copied beside the bundle, where db/migrate.ts looks for them (next to the
 * module, by import.meta.url).
 */
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

/** Entry name → source. The server plus every command an operator runs in production. */
export const SERVER_ENTRIES: Record<string, string> = {
  node: "functions/node.ts",
  "db-init": "functions/cli/db-init.ts",
  migrate: "functions/cli/migrate.ts",
  "keys-rotate": "functions/cli/keys-rotate.ts",
  backup: "functions/cli/backup.ts",
  restore: "functions/cli/restore.ts",
  purge: "functions/cli/purge.ts",
  "outbox-deliver": "functions/cli/outbox-deliver.ts",
  "staff-create": "functions/cli/staff-create.ts",
};

export async function buildServer(outdir = "dist/node"): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: SERVER_ENTRIES,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    metafile: true,
  });
  cpSync("db/migrations", path.join(outdir, "migrations"), { recursive: true });
  return Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".mjs"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? "dist/node";
  const outputs = await buildServer(outdir);
  console.log(`Server compiled to ${outdir} (${outputs.length} modules); start it with \`node ${outdir}/node.mjs\` (npm run serve).`);
}
