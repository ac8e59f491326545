import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = "src/domain/enrolment/allocation";

describe("the allocation module", () => {
  it("imports nothing but its own files, the domain's zod and errors, and @noble/hashes (it runs in the browser and workerd)", () => {
    for (const name of readdirSync(dir)) {
      const source = readFileSync(`${dir}/${name}`, "utf8");
      for (const [, from] of source.matchAll(/from "([^"]+)"/g)) {
        expect(from, `${name} imports ${from}`).toMatch(/^(\.\/[a-z-]+|\.\.\/\.\.\/(zod|errors)|@noble\/hashes\/(sha2|utils)\.js)$/);
      }
    }
  });
});
