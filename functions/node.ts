/**
 * Node entry (`npm start`, self-hosting, tests): starts the server from `process.env`,
 * prints where it listens, and stops cleanly on Ctrl-C or SIGTERM.
 */
import { existsSync } from "node:fs";
import { startNodeServer } from "./node-server";
import { operatorError } from "./cli/cli-database";

const staticDir = process.env.STATIC_DIR ?? "dist/client";
// `npm run dev` serves pages from Astro and only needs the API here.
if (process.env.REQUIRE_BUILT_SITE !== "0" && !existsSync(`${staticDir}/index.html`)) {
  console.error(`The site has not been built (${staticDir}/index.html is missing). Run \`npm run build\` or \`npm start\`.`);
  process.exit(1);
}

try {
  const server = await startNodeServer(process.env);
  for (const line of server.seedLines) console.log(line);
  console.log(`\n  义务教育均衡发展公开平台 is running at ${server.url}\n  API health: ${server.url}/api/health\n  Press Ctrl-C to stop.\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping…`);
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  // Operator errors: the message says what to do (and never holds key material); no stack.
  const message = operatorError(error);
  if (message !== undefined) {
    console.error(message);
    process.exit(1);
  }
  throw error;
}
