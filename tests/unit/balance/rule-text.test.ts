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
    expect(passRuleText(listPage)).toBe("7项资源配置指标中至少6项达标，其余1项不低于标准的85%");
    expect(passRuleText({ indicators: "指标", met: "达到标准", and: "且" })).toBe("7项指标中至少6项达到标准，且其余1项不低于标准的85%");
  });

  it("changes the pass rule's words when its constants change", () => {
    expect(passRuleText(listPage, { ...PASS_RULE, minMet: 5, nearMissRatio: 0.9 })).toBe("7项资源配置指标中至少5项达标，其余2项不低于标准的90%");
    expect(passRuleText(listPage, { indicators: 8, minMet: 7, nearMissRatio: 0.8 })).toBe("8项资源配置指标中至少7项达标，其余1项不低于标准的80%");
  });

  it("states the class-size limits from the per-level maximum", () => {
    expect(classSizeLimits()).toBe("小学45人、初中50人");
    expect(classSizeLimits({ primary: 40, junior: 45 })).toBe("小学40人、初中45人");
  });

  it("names the small teaching points by the enrolment threshold", () => {
    expect(smallTeachingPoint()).toBe("学生不足50人的教学点");
    expect(smallTeachingPoint(30)).toBe("学生不足30人的教学点");
  });

  it("states each indicator's published decimals, the usual count once as 其余", () => {
    expect(indicatorDecimalsText()).toBe("R6和B3（元）取整数，B6、B7、B8保留4位小数，其余保留2位小数");
    expect(
      indicatorDecimalsText({ R1: { decimals: 1, unit: "人" }, R2: { decimals: 1, unit: "人" }, R6: { decimals: 0, unit: "元" }, B6: { decimals: 3, unit: "" } }),
    ).toBe("R6（元）取整数，B6保留3位小数，其余保留1位小数");
  });

  it("writes counts and amounts the way the pages print them", () => {
    expect(chineseCount(7)).toBe("七");
    expect(chineseCount(8)).toBe("八");
    expect(() => chineseCount(11)).toThrow(RangeError);
    expect(inWan(100_000)).toBe("10万元");
    expect(inWan(150_000)).toBe("15万元");
  });
});
