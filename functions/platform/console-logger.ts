/** JSON-lines logger on stdout/stderr. Fields are codes and ids only (SECURITY.md item 11). */
import type { Logger } from "../deps";

export function createConsoleLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: "info" | "error", event: string, fields?: Record<string, string | number | boolean>) => {
    if (options.quiet && level === "info") return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    (level === "error" ? console.error : console.log)(line);
  };
  return { info: (e, f) => write("info", e, f), error: (e, f) => write("error", e, f) };
}
