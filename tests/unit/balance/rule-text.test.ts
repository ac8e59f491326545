import { describe, expect, it } from "vitest";
import {
  chineseCount,
  classSizeLimits,
  indicatorDecimalsText,
  inWan,
  PASS_RULE,
  passRuleText,
  smallTeachingPoint,
} from "../../../src/domain/balance/rule-text";

const listPage = { indicators: "资源配置指标", met: "达标" };

describe("the balance rules in words", () => {
  it("states the pass rule with today's constants as the pages always have", () => {
    expect(passRuleText(listPage)).toBe("7 项资源配置指标中至少 6 项达标，其余 1 项不低于标准的 85%");
    expect(passRuleText({ indicators: "指标", met: "达到标准", and: "且" })).toBe("7 项指标中至少 6 项达到标准，且其余 1 项不低于标准的 85%");
  });

  it("changes the pass rule's words when its constants change", () => {
    expect(passRuleText(listPage, { ...PASS_RULE, minMet: 5, nearMissRatio: 0.9 })).toBe("7 项资源配置指标中至少 5 项达标，其余 2 项不低于标准的 90%");
    expect(passRuleText(listPage, { indicators: 8, minMet: 7, nearMissRatio: 0.8 })).toBe("8 项资源配置指标中至少 7 项达标，其余 1 项不低于标准的 80%");
  });

  it("states the class-size limits from the per-level maximum", () => {
    expect(classSizeLimits()).toBe("小学 45 人、初中 50 人");
    expect(classSizeLimits({ primary: 40, junior: 45 })).toBe("小学 40 人、初中 45 人");
  });

  it("names the small teaching points by the enrolment threshold", () => {
    expect(smallTeachingPoint()).toBe("学生不足 50 人的教学点");
    expect(smallTeachingPoint(30)).toBe("学生不足 30 人的教学点");
  });

  it("states each indicator's published decimals, the usual count once as 其余", () => {
    expect(indicatorDecimalsText()).toBe("R6 和 B3（元）取整数，B6、B7、B8 保留 4 位小数，其余保留 2 位小数");
    expect(
      indicatorDecimalsText({ R1: { decimals: 1, unit: "人" }, R2: { decimals: 1, unit: "人" }, R6: { decimals: 0, unit: "元" }, B6: { decimals: 3, unit: "" } }),
    ).toBe("R6（元）取整数，B6 保留 3 位小数，其余保留 1 位小数");
  });

  it("writes counts and amounts the way the pages print them", () => {
    expect(chineseCount(7)).toBe("七");
    expect(chineseCount(8)).toBe("八");
    expect(() => chineseCount(11)).toThrow(RangeError);
    expect(inWan(100_000)).toBe("10 万元");
    expect(inWan(150_000)).toBe("15 万元");
  });
});
