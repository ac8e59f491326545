import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lotteryMessage, lotteryNumber } from "../../../../src/domain/enrolment/allocation";

describe("the lottery number", () => {
  it("is the first 13 hex digits of SHA-256(seed:id) over 2^52, as a citizen would recompute it", () => {
    for (const [seed, id] of [["2026年秋季入学", "A00042"], ["seed with spaces", "x"], ["种子", "Z_9.-"]] as const) {
      const hex = createHash("sha256").update(`${seed}:${id}`, "utf8").digest("hex").slice(0, 13);
      expect(lotteryMessage(seed, id)).toBe(`${seed}:${id}`);
      expect(lotteryNumber(seed, id)).toBe(Number.parseInt(hex, 16) / 4503599627370496);
    }
  });

  it("is in [0, 1), the same for the same seed and different for another seed", () => {
    const a = lotteryNumber("s1", "A1");
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(lotteryNumber("s1", "A1")).toBe(a);
    expect(lotteryNumber("s2", "A1")).not.toBe(a);
  });
});
