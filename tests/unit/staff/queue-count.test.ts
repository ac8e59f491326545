/**
 * The queues' bounded totals in words (src/domain/staff/queue-count): exact up to COUNT_CAP,
 * "10,000件以上" past it, digits grouped, no space between the figure and its measure word.
 */
import { describe, expect, it } from "vitest";
import { COUNT_CAP, queueTotal, totalWords } from "../../../src/domain/staff/queue-count";

describe("queue totals", () => {
  it("is exact up to the cap and a lower bound past it", () => {
    expect(queueTotal(0)).toEqual({ total: 0, atLeast: false });
    expect(queueTotal(COUNT_CAP)).toEqual({ total: COUNT_CAP, atLeast: false });
    expect(queueTotal(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, atLeast: true });
  });

  it("says the total in words", () => {
    expect(totalWords(queueTotal(12), "件")).toBe("12件");
    expect(totalWords(queueTotal(1234), "份")).toBe("1,234份");
    expect(`共${totalWords(queueTotal(754_078), "件")}`).toBe("共10,000件以上");
    expect(`共${totalWords(queueTotal(COUNT_CAP), "件")}`).toBe("共10,000件");
  });
});
