/**
 * The site-build benchmark's generated district must pass the same content checks as the real
 * one, or the bench's build fails before it measures anything (it once did: the registry gained a
 * required phone column and the generator did not). Writes a small one and reads it back through
 * the content loader the build uses.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeLargeDistrict } from "../../../bench/fixtures/large-district";
import { readDistrict } from "../../../src/content-data/district";

const ROOT = path.join(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "large-district-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the site-build benchmark's generated district", () => {
  it("passes the content checks with the requested number of sections", async () => {
    const written = await writeLargeDistrict(ROOT, dir, 120);
    expect(written.sections).toBe(120);
    const { schools } = await readDistrict(dir);
    expect(schools.reduce((n, s) => n + (s.sections === "primary+junior" ? 2 : 1), 0)).toBe(120);
    expect(schools.every((s) => /^0\d{2,3}-/.test(s.phone))).toBe(true);
  });
});
