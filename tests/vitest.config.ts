// Tests grouped by environment (DESIGN.md convention 10): `unit` (pure domain and content
// rules), `api` (createApp on a temp-file libSQL database, the Node platform pieces), `e2e`
// (the built site served by the Node entry, driven in Debian Chromium).
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: new URL("..", import.meta.url).pathname,
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      { test: { name: "api", include: ["tests/api/**/*.test.ts"], environment: "node", testTimeout: 20_000 } },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          // One browser and one server for the run: files share them, so run files one by one.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
