import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, inputDigest, rerunFromPublished, toPublished, type AllocationInput } from "../../../../src/domain/enrolment/allocation";

const input: AllocationInput = {
  seed: "digest",
  programs: [{ id: "P2", label: "二小", seats: 2 }, { id: "P1", label: "一小", seats: 1 }],
  applicants: [
    { id: "B", points: 3, choices: [{ program: "P1", tier: "catchment" }] },
    { id: "A", points: 0, choices: [{ program: "P2", tier: "other" }, { program: "P1", tier: "other" }] },
  ],
};

describe("the input digest published before the seed is drawn", () => {
  it("is SHA-256 of the documented canonical JSON, recomputable by anyone", () => {
    const canonical = '{"programs":[["P1",1],["P2",2]],"applicants":[["A",0,[["P2","other"],["P1","other"]]],["B",3,[["P1","catchment"]]]]}';
    expect(inputDigest(input)).toBe(createHash("sha256").update(canonical, "utf8").digest("hex"));
  });

  it("does not depend on the seed, the labels or the order of the lists, but changes with any input", () => {
    const reordered = { ...input, seed: "other", programs: [...input.programs].reverse().map((p) => ({ ...p, label: "x" })), applicants: [...input.applicants].reverse() };
    expect(inputDigest(reordered)).toBe(inputDigest(input));
    expect(inputDigest({ ...input, applicants: [{ ...input.applicants[0]!, points: 4 }, input.applicants[1]!] })).not.toBe(inputDigest(input));
    expect(allocate(input).inputDigest).toBe(inputDigest(input));
  });

  it("makes the re-run report a file whose published digest does not match its inputs", () => {
    const file = toPublished(allocate(input));
    expect(rerunFromPublished({ ...file, inputDigest: "0".repeat(64) }).differences[0]).toMatch(/^公布的输入摘要0{64}与按文件内容计算的[0-9a-f]{64}不同$/);
  });

  it("is written byte for byte as the documented JSON, whatever the strings, numbers and repeats in the lists", () => {
    const text = fc.oneof(fc.constantFrom("A", "a", "B1", "A.1", "A-1", "A_1"), fc.string({ maxLength: 6, unit: "binary" }));
    const num = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double(), fc.constant(-0));
    const market = fc.record({
      programs: fc.array(fc.record({ id: text, seats: num }), { maxLength: 5 }),
      applicants: fc.array(fc.record({ id: text, points: num, choices: fc.array(fc.record({ program: text, tier: text }), { maxLength: 3 }) }), { maxLength: 8 }),
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    fc.assert(
      fc.property(market, (m) => {
        const canonical = {
          programs: [...m.programs].sort(byId).map((p) => [p.id, p.seats]),
          applicants: [...m.applicants].sort(byId).map((a) => [a.id, a.points, a.choices.map((c) => [c.program, c.tier])]),
        };
        expect(inputDigest(m)).toBe(createHash("sha256").update(JSON.stringify(canonical), "utf8").digest("hex"));
      }),
      { numRuns: 500 },
    );
  });
});
