/**
 * `npm run dev`: Astro's dev server (hot reload) on :4321 and the Node entry on API_PORT
 * (8787) behind Astro's `/api` proxy, both on the same embedded database. workerd, which
 * `astro dev` uses for the Worker, cannot open a `file:` libSQL URL, so the API runs on Node.
 * Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";

const apiPort = process.env.API_PORT ?? "8787";
const children: ChildProcess[] = [];

function run(name: string, args: string[], env: Record<string, string>) {
  const child = spawn(args[0]!, args.slice(1), { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code) => {
    console.log(`[dev] ${name} exited (${code ?? "signal"}); stopping.`);
    shutdown(code ?? 0);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

// The API server serves /api/* only in dev; an empty STATIC_DIR is fine because Astro serves pages.
run("api", ["tsx", "watch", "--clear-screen=false", "functions/node.ts"], {
  PORT: apiPort,
  HOST: "127.0.0.1",
  REQUIRE_BUILT_SITE: "0",
});
run("astro", ["astro", "dev"], { API_PORT: apiPort });
