/** The scorecard's first sentence (src/lib/scorecard-sentence.ts): count, shortfalls, verdict. */
import { describe, expect, it } from "vitest";
import { QUALITY_INDICATORS } from "../../../src/domain/balance/indicators";
import { scorecardSentence, shortfallPercent } from "../../../src/lib/scorecard-sentence";

const quality = (short: Partial<Record<string, number>>) =>
  Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, { met: !(i in short), percent_of_standard: short[i] ?? 120 }])) as never;

describe("the scorecard's first sentence", () => {
  it("names each indicator below its standard with its share of the standard", () => {
    expect(scorecardSentence({ quality: quality({ R5: 92.04 }), standards_met: 6, result: "pass", scope_reason: null })).toBe(
      "7项指标中6项达到国家标准，生均体育运动场馆面积为标准的92.0%。",
    );
    expect(scorecardSentence({ quality: quality({ R5: 80, R6: 70.55 }), standards_met: 5, result: "fail", scope_reason: null })).toBe(
      "7项指标中5项达到国家标准，生均体育运动场馆面积为标准的80.0%，生均教学仪器设备值为标准的70.5%。",
    );
  });

  it("says 全部 when every indicator meets its standard", () => {
    expect(scorecardSentence({ quality: quality({}), standards_met: 7, result: "pass", scope_reason: null })).toBe("7项指标全部达到国家标准。");
  });

  it("never reads 100% for an indicator that is short: the share is cut, not rounded", () => {
    expect(shortfallPercent(99.96)).toBe("99.9");
    expect(shortfallPercent(99.999)).toBe("99.9");
    expect(shortfallPercent(0)).toBe("0.0");
  });

  it("says an out-of-scope section is not judged, and why", () => {
    expect(scorecardSentence({ quality: quality({ R1: 50 }), standards_met: 6, result: "out_of_scope", scope_reason: "special_education" })).toBe(
      "本校是特殊教育学校，不参与优质均衡评估；下面的各项指标仅供参考。",
    );
  });
});
