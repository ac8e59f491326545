/**
 * What the staff queue says when a word search (walked: two characters, or a common word) stopped after the cases it
 * may examine (src/domain/complaint/queue-labels, issue 19 item 6): how many it looked at and
 * found, that the rest were not looked at, and how to go on; digits grouped, no spaces.
 */
import { describe, expect, it } from "vitest";
import { examinedWords } from "../../../src/domain/complaint/queue-labels";
import { RULES } from "../../fixtures/copy-rules";

describe("the short search's notice", () => {
  it("says what was examined and found, and what to do next, in whole sentences", () => {
    const words = examinedWords(5000, 3);
    expect(words).toBe("在最紧急的5,000件投诉中找到3件，后面的投诉还没有查看。请输入更具体的词（三个字以上）或加上筛选条件，或点“下一页”继续查找。");
    expect(examinedWords(5000, 0)).toContain("找到0件");
    for (const [rule, re] of Object.entries(RULES)) expect(words.match(re), rule).toBeNull();
  });
});
