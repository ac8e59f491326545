/** The Node entry's page shell: the built `shell/index.html` from the static directory it serves. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pageShellFrom, SHELL_PATH, type PageShell } from "./page-shell";

export function filePageShell(staticDir: string): PageShell {
  return pageShellFrom(() => readFile(path.join(staticDir, SHELL_PATH, "index.html"), "utf8"));
}
