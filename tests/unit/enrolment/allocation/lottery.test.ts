import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lotteryMessage, lotteryNumber } from "../../../../src/domain/enrolment/allocation";
import { lotteryDrawer } from "../../../../src/domain/enrolment/allocation/lottery";

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

  it("is the same from one drawer reused for a whole run, whatever the order and length of ids", () => {
    const seed = "2026年秋季入学-公开摇号";
    const draw = lotteryDrawer(seed);
    // Short after long checks that no byte of an earlier id leaks into a later one; the 400-unit
    // id makes the drawer grow its buffer; the Chinese id checks multi-byte encoding.
    for (const id of ["A1", "B".repeat(64), "C", "x".repeat(400), "学生7", "A1"]) {
      const hex = createHash("sha256").update(`${seed}:${id}`, "utf8").digest("hex").slice(0, 13);
      expect(draw(id)).toBe(Number.parseInt(hex, 16) / 4503599627370496);
    }
  });
});
