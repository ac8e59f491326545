import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedStats } from "../../../src/domain/balance/weighted-cv";

// DOMAIN.md §2.3: the published worked example, 5 primary schools, library books.
const students = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const perStudent = books.map((b, i) => b / students[i]!);

describe("the student-weighted coefficient of variation", () => {
  it("gives 0.515 for the published worked example", () => {
    const s = weightedStats(perStudent.map((value, i) => ({ weight: students[i]!, value })));
    expect(s.totalWeight).toBe(302);
    // X̄ = Σ books / Σ students, because P_i·X_i = books_i.
    expect(s.mean).toBeCloseTo(1913 / 302, 12);
    expect(s.cv).not.toBeNull();
    expect(s.cv!).toBeCloseTo(0.515, 3);
    expect(s.cv!.toFixed(2)).toBe("0.52");
  });

  it("differs from the unweighted population (0.489) and sample (0.546) CVs of the same data", () => {
    const n = perStudent.length;
    const mean = perStudent.reduce((a, b) => a + b, 0) / n;
    const ss = perStudent.reduce((a, x) => a + (x - mean) ** 2, 0);
    expect(Math.sqrt(ss / n) / mean).toBeCloseTo(0.489, 3);
    expect(Math.sqrt(ss / (n - 1)) / mean).toBeCloseTo(0.546, 3);
    const unitWeights = weightedStats(perStudent.map((value) => ({ weight: 1, value })));
    expect(unitWeights.cv!).toBeCloseTo(0.489, 3);
  });

  it("divides by the total students, not by n or n − 1 (hand-computed two-school case)", () => {
    // 100 students at 2, 300 at 6: X̄ = 5, S² = (100·9 + 300·1)/400 = 3.
    const s = weightedStats([{ weight: 100, value: 2 }, { weight: 300, value: 6 }]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(3) / 5, 12);
  });

  it("has no CV when the mean is zero, and refuses empty input or non-positive weights", () => {
    expect(weightedStats([{ weight: 10, value: 0 }]).cv).toBeNull();
    expect(() => weightedStats([])).toThrow(RangeError);
    expect(() => weightedStats([{ weight: 0, value: 1 }])).toThrow(RangeError);
  });
});

const point = fc.record({
  weight: fc.integer({ min: 1, max: 3000 }),
  value: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
});

describe("properties of the weighted CV", () => {
  it("is unchanged when every value is scaled by the same constant", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.double({ min: 0.001, max: 1000, noNaN: true }), (points, k) => {
        const a = weightedStats(points).cv!;
        const b = weightedStats(points.map((p) => ({ ...p, value: p.value * k }))).cv!;
        expect(b).toBeCloseTo(a, 9);
      }),
    );
  });

  it("is 0 when every school has the same value", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0.01, max: 10_000, noNaN: true }), (weights, v) => {
        expect(weightedStats(weights.map((weight) => ({ weight, value: v }))).cv).toBeCloseTo(0, 12);
      }),
    );
  });

  it("changes when only the weights change", () => {
    // Two schools, values low < high, w = the low school's share of 1000 students:
    // CV² = w(1−w)(high−low)² / (w·low + (1−w)·high)², strictly increasing for w below
    // high/(low+high) > 1/2. Shares under one half therefore always give different CVs.
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 1.1, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 499 }),
        fc.integer({ min: 1, max: 499 }),
        (low, factor, a, b) => {
          fc.pre(a !== b);
          const high = low * factor;
          const one = weightedStats([{ weight: a, value: low }, { weight: 1000 - a, value: high }]).cv!;
          const two = weightedStats([{ weight: b, value: low }, { weight: 1000 - b, value: high }]).cv!;
          expect(Math.abs(one - two)).toBeGreaterThan(1e-12);
        },
      ),
    );
  });
});
