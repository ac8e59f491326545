import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../src/domain/errors";
import { allocate, PublishedAllocation, rerunFromPublished, toPublished } from "../../../../src/domain/enrolment/allocation";
import { smallMarket } from "./market-helpers";

const result = allocate({
  seed: "2026秋季-公开",
  programs: [
    { id: "P1", label: "城关第一小学 一年级", seats: 1 },
    { id: "P2", label: "城关第二小学 一年级", seats: 2 },
  ],
  applicants: ["A", "B", "C", "D"].map((id, i) => ({ id, points: i % 2, choices: [{ program: "P1", tier: "other" as const }, { program: "P2", tier: i === 0 ? ("catchment" as const) : ("other" as const) }] })),
});

describe("the published results file", () => {
  it("holds seats, applicants, offers and cut-off per program, the algorithm, the seed and each applicant's anonymised inputs", () => {
    const file = PublishedAllocation.parse(JSON.parse(JSON.stringify(toPublished(result))));
    expect(file.algorithm).toEqual({ name: "student-proposing-deferred-acceptance", version: "1.0.0" });
    expect(file.seed).toBe("2026秋季-公开");
    expect(file.lotteryRule).toContain("SHA-256");
    expect(file.programs[0]).toMatchObject({ id: "P1", seats: 1, applicants: 4, offers: 1 });
    expect(Object.keys(file.applicants[0]!).sort()).toEqual(["choices", "id", "lottery", "offer", "points"]);
  });

  it("re-runs to the same offers after a JSON round trip, in random markets too", () => {
    expect(rerunFromPublished(JSON.parse(JSON.stringify(toPublished(result))))).toMatchObject({ matches: true, differences: [], applicants: 4, programs: 2 });
    fc.assert(
      fc.property(smallMarket, (input) => {
        expect(rerunFromPublished(JSON.parse(JSON.stringify(toPublished(allocate(input))))).matches).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("reports a changed offer", () => {
    const file = toPublished(result);
    const placed = file.applicants.find((a) => a.offer === "P1")!;
    placed.offer = "P2";
    const report = rerunFromPublished(file);
    expect(report.matches).toBe(false);
    expect(report.differences).toContain(`申请${placed.id}：公布的录取P2，重新计算为P1`);
  });

  it("reports a lottery number that does not follow from the seed", () => {
    const file = toPublished(result);
    file.applicants[2]!.lottery = 0.5;
    const report = rerunFromPublished(file);
    expect(report.matches).toBe(false);
    expect(report.differences[0]).toMatch(/^申请C：公布的随机号0\.5与按种子计算的0\.\d+不同$/);
  });

  it("reports a different seed, which moves the lottery of everyone", () => {
    const file = { ...toPublished(result), seed: "另一个种子" };
    expect(rerunFromPublished(file).differenceCount).toBeGreaterThanOrEqual(4);
  });

  it("refuses a file that is not a published result, with Chinese field errors", () => {
    try {
      rerunFromPublished({ format: "something-else", seed: "s", programs: [], applicants: [] });
      throw new Error("expected a validation error");
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).fields).toContainEqual({ path: "format", message: "不是本平台发布的分配结果文件（format应为allocation-published/1）" });
    }
  });
});
