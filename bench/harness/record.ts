/**
 * `npm run bench -- --record` writes the run's machine, table and checks into
 * docs/performance.md between two markers, so the recorded figures are always a real run's
 * output, never retyped. The prose around the markers is written by hand.
 */
import { readFileSync, writeFileSync } from "node:fs";

export const START = "<!-- bench:results:start -->";
export const END = "<!-- bench:results:end -->";

export function replaceRecorded(document: string, recorded: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`The document has no ${START} … ${END} section to record into.`);
  return `${document.slice(0, start + START.length)}\n${recorded.trim()}\n${document.slice(end)}`;
}

export function recordInDocs(file: string, recorded: string): void {
  writeFileSync(file, replaceRecorded(readFileSync(file, "utf8"), recorded));
}
