/**
 * fmtAtLeast's fast path (issue 21, build) must print exactly what the original rule prints:
 * at least `decimals` places and every place the published number has. Checked against that
 * rule, written out here, over boundary values and random doubles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fmtAtLeast } from "../../../src/lib/balance-format";

/** The rule before the fast path: the number's own places, at least `decimals`, at most 20. */
const reference = (value: number, decimals: number) => value.toFixed(Math.min(Math.max(decimals, (String(value).split(".")[1] ?? "").length), 20));

describe("fmtAtLeast", () => {
  it("pads to the decimals and keeps a boundary value's extra places", () => {
    expect(fmtAtLeast(5.3, 2)).toBe("5.30");
    expect(fmtAtLeast(1.005, 2)).toBe("1.005");
    expect(fmtAtLeast(84.99999, 1)).toBe("84.99999");
    expect(fmtAtLeast(100, 1)).toBe("100.0");
    expect(fmtAtLeast(null, 2)).toBe("—");
    expect(fmtAtLeast(undefined, 2)).toBe("—");
  });

  it("prints what the original rule prints for edge values", () => {
    for (const v of [0, -0, 0.1, 0.3, 1 / 3, 2 ** -30, 1e-7, 123456.789, 1e21, 1.5e21, -2.675, Infinity, -Infinity, NaN, Number.MAX_VALUE, Number.MIN_VALUE]) {
      for (const d of [0, 1, 2, 3, 20, 21, 25]) expect(fmtAtLeast(v, d), `${v} at ${d}`).toBe(reference(v, d));
    }
  });

  it("prints what the original rule prints for any double and decimals 0–25", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 25 }), (v, d) => fmtAtLeast(v, d) === reference(v, d)),
      { numRuns: 20_000 },
    );
    // Published figures: a few decimals, kept at more only at a boundary.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, places, d) => {
        const v = n / 10 ** places;
        return fmtAtLeast(v, d) === reference(v, d);
      }),
      { numRuns: 20_000 },
    );
  });
});
