import { createHash } from "node:crypto";
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
});
