/**
 * The shape of `functions/services` (DESIGN.md conventions 1 and 14): outside `internal/`
 * folders, a file holds one verb named after it (`decide-complaint.ts` exports
 * `decideComplaint`) taking one `{ ctx, input }` object, and a staff verb's permission action
 * (`verb.action`, which its route reads) is one the permission matrix grants to some role.
 * Types and constants may sit beside the verb; shared code lives in `internal/` modules.
 * The staff routes name an endpoint's action only through its verb (`permit(verb.action)`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, STAFF_ACTIONS, type StaffAction } from "../../../src/domain/staff/permissions";

const SERVICES = path.resolve(import.meta.dirname, "../../../functions/services");
const STAFF_ROUTES = path.resolve(import.meta.dirname, "../../../functions/routes/staff");
/** The context and the staff-verb helper are the plumbing every verb is written with. */
const PLUMBING = new Set(["context.ts", "staff-verb.ts"]);

function verbFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "internal" ? [] : verbFiles(full);
    return entry.name.endsWith(".ts") && !PLUMBING.has(path.relative(SERVICES, full)) ? [full] : [];
  });
}

/**
 * TEMPORARY: the public side's services, being split into one verb per file in parallel
 * (issue 14). Remove this list once they are; every other file is held to the shape now.
 */
const camelCase = (file: string) => path.basename(file, ".ts").replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
const granted = (action: StaffAction) => Object.values(PERMISSIONS).some((row) => row[action] !== undefined);

const files = verbFiles(SERVICES).map((file) => path.relative(SERVICES, file)).sort();

describe("functions/services", () => {
  it("has verb files to check", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)("%s exports at most one function, named after the file, taking one { ctx, input } object", async (file) => {
    const module = (await import(pathToFileURL(path.join(SERVICES, file)).href)) as Record<string, unknown>;
    const functions = Object.entries(module).filter(([, value]) => typeof value === "function");
    expect(functions.map(([name]) => name).length, `functions exported by ${file}: ${functions.map(([name]) => name).join(", ")}`).toBeLessThanOrEqual(1);
    for (const [name, verb] of functions) {
      expect(name).toBe(camelCase(file));
      expect((verb as (...args: unknown[]) => unknown).length).toBeLessThanOrEqual(1);
    }
  });

  it.each(files)("%s: a staff verb's action is one the permission matrix grants", async (file) => {
    const module = (await import(pathToFileURL(path.join(SERVICES, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value !== "function" || !("action" in value)) continue;
      const action = (value as { action: StaffAction }).action;
      expect(STAFF_ACTIONS).toContain(action);
      expect(granted(action), `no role is granted ${action}`).toBe(true);
    }
  });
});

describe("functions/routes/staff", () => {
  const routeFiles = readdirSync(STAFF_ROUTES).filter((name) => name.endsWith(".ts"));

  it.each(routeFiles)("%s reads each permission from its verb, never writes it as a second literal", (name) => {
    expect(readFileSync(path.join(STAFF_ROUTES, name), "utf8")).not.toMatch(/permit\(\s*["'`]/);
  });
});
