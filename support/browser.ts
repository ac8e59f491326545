/**
 * Debian Chromium, driven by playwright-core (no browser download: the machine's `chromium`
 * package is used), for both the browser tests and the search benchmark. It lives in
 * support/ (neither tests/ nor bench/, never shipped in the Worker) so that bench never has
 * to import tests. Where none is installed the tests are skipped with instructions, unless
 * REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const INSTALL_HINT =
  "No Chromium found for the browser tests. Install it with:\n" +
  "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n" +
  "or point CHROMIUM_PATH at a Chromium binary. Browser tests are skipped until then.";

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
