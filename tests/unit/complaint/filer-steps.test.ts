/** Issue 22 item 3: each answer can be rated once, and every refusal names its real reason. */
import { describe, expect, it } from "vitest";
import { latestAnswerRated, rateRefusal, REVIEW_TOO_LATE, reviewRefusal, type AnswerFacts } from "../../../src/domain/complaint/filer-steps";

const facts = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({
  status: "answered",
  answeredOn: "2026-10-01",
  latestAnswerRated: false,
  reviewRequested: false,
  mergedInto: null,
  ...over,
});

describe("the filer's steps after an answer", () => {
  it("reads whether the latest answer is rated from the order of events", () => {
    expect(latestAnswerRated(["submit", "accept", "approve_answer"])).toBe(false);
    expect(latestAnswerRated(["approve_answer", "rate"])).toBe(true);
    expect(latestAnswerRated(["approve_answer", "rate", "request_review", "approve_answer"])).toBe(false);
    expect(latestAnswerRated(["submit"])).toBe(false);
  });
  it("rates each answer once, and says why not otherwise", () => {
    expect(rateRefusal(facts())).toBeNull();
    expect(rateRefusal(facts({ latestAnswerRated: true }))).toBe("您已经评价过这次答复。");
    expect(rateRefusal(facts({ latestAnswerRated: true, reviewRequested: true }))).toBe("您已经评价过复查答复。");
    expect(rateRefusal(facts({ status: "under_review", reviewRequested: true }))).toContain("复查正在进行");
    expect(rateRefusal(facts({ status: "investigating", answeredOn: null }))).toContain("还没有答复");
    expect(rateRefusal(facts({ status: "not_accepted", answeredOn: null }))).toContain("没有受理");
    expect(rateRefusal(facts({ status: "closed", answeredOn: null, mergedInto: "TS2026-00001" }))).toContain("合并");
  });
  it("allows one review within 30 days of the answer and names each other reason", () => {
    expect(reviewRefusal(facts(), "2026-10-31")).toBeNull();
    expect(reviewRefusal(facts(), "2026-11-01")).toBe(REVIEW_TOO_LATE);
    expect(reviewRefusal(facts({ status: "not_accepted", answeredOn: null }), "2026-10-02")).toContain("没有受理");
    expect(reviewRefusal(facts({ status: "investigating", answeredOn: null }), "2026-10-02")).toContain("还没有答复");
    expect(reviewRefusal(facts({ reviewRequested: true }), "2026-10-02")).toContain("已经申请过复查");
    expect(reviewRefusal(facts({ status: "closed", answeredOn: null, mergedInto: "TS2026-00001" }), "2026-10-02")).toContain("合并");
  });
});
