import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../src/domain/errors";
import { allocate, lotteryNumber, type AllocationInput } from "../../../../src/domain/enrolment/allocation";

const one = (seats = 1) => [{ id: "P1", label: "城关第一小学 一年级", seats }];
const seeds = Array.from({ length: 20 }, (_, i) => `公开种子-${i}`);

describe("priority at a school", () => {
  it("puts an applicant living in the 施教区 ahead of one with more points", () => {
    for (const seed of seeds) {
      const r = allocate({
        seed,
        programs: one(),
        applicants: [
          { id: "far", points: 12, choices: [{ program: "P1", tier: "other" }] },
          { id: "near", points: 0, choices: [{ program: "P1", tier: "catchment" }] },
        ],
      });
      expect(r.applicants.map((a) => a.offer)).toEqual([null, "P1"]);
      expect(r.applicants[0]!.choices[0]!.deciding).toBe("tier");
    }
  });

  it("puts more documented points ahead of a better lottery number", () => {
    for (const seed of seeds) {
      const r = allocate({
        seed,
        programs: one(),
        applicants: [
          { id: "low", points: 3, choices: [{ program: "P1", tier: "other" }] },
          { id: "high", points: 4, choices: [{ program: "P1", tier: "other" }] },
        ],
      });
      expect(r.applicants.find((a) => a.id === "high")!.offer).toBe("P1");
      expect(r.applicants.find((a) => a.id === "low")!.choices[0]!.deciding).toBe("points");
    }
  });

  it("breaks a tie in tier and points by the smaller lottery number from the seed", () => {
    for (const seed of seeds) {
      const input: AllocationInput = {
        seed,
        programs: one(),
        applicants: ["X1", "X2", "X3"].map((id) => ({ id, points: 5, choices: [{ program: "P1", tier: "catchment" as const }] })),
      };
      const winner = ["X1", "X2", "X3"].sort((a, b) => lotteryNumber(seed, a) - lotteryNumber(seed, b))[0];
      const r = allocate(input);
      expect(r.applicants.filter((a) => a.offer === "P1").map((a) => a.id)).toEqual([winner]);
      expect(r.programs[0]!.cutoff).toEqual({ tier: "catchment", points: 5, lottery: lotteryNumber(seed, winner!) });
      for (const a of r.applicants.filter((x) => x.offer === null)) expect(a.choices[0]!.deciding).toBe("lottery");
    }
  });

  it("uses the same lottery number at every school (single tie-breaking)", () => {
    const seed = "single";
    const ids = ["A", "B", "C", "D"];
    const r = allocate({
      seed,
      programs: [{ id: "P1", label: "一小 一年级", seats: 1 }, { id: "P2", label: "二小 一年级", seats: 1 }],
      applicants: ids.map((id, i) => ({ id, points: 0, choices: (i % 2 ? ["P2", "P1"] : ["P1", "P2"]).map((program) => ({ program, tier: "other" as const })) })),
    });
    // With equal priority everywhere, the two best lottery numbers are the two admitted.
    const best = [...ids].sort((a, b) => lotteryNumber(seed, a) - lotteryNumber(seed, b)).slice(0, 2).sort();
    expect(r.applicants.filter((a) => a.offer !== null).map((a) => a.id).sort()).toEqual(best);
  });
});

describe("seats and unplaced applicants", () => {
  it("admits no more applicants than a school's seats and leaves the rest unplaced when they ranked nothing else", () => {
    const r = allocate({
      seed: "cap",
      programs: one(3),
      applicants: Array.from({ length: 7 }, (_, i) => ({ id: `A${i}`, points: i % 3, choices: [{ program: "P1", tier: "other" as const }] })),
    });
    expect(r.programs[0]).toMatchObject({ seats: 3, applicants: 7, offers: 3 });
    expect(r.applicants.filter((a) => a.reason === "unplaced")).toHaveLength(4);
    expect(r.programs[0]!.waitlist).toHaveLength(4);
    // The admitted are the three with the most points (2, 2, 1 … ties by lottery).
    expect(r.applicants.filter((a) => a.offer).every((a) => a.points >= 1)).toBe(true);
  });

  it("offers nothing at a program with no seats and says so", () => {
    const r = allocate({ seed: "zero", programs: one(0), applicants: [{ id: "A", points: 9, choices: [{ program: "P1", tier: "catchment" }] }] });
    expect(r.applicants[0]).toMatchObject({ offer: null, reason: "unplaced" });
    expect(r.applicants[0]!.choices[0]).toMatchObject({ outcome: "waitlisted", deciding: "no_seats", waitlistPosition: 1 });
    expect(r.applicants[0]!.explanation).toContain("本次没有可分配的学位");
    expect(r.programs[0]!.cutoff).toBeNull();
  });

  it("accepts an applicant with no choices and an applicant with more than three", () => {
    const programs = ["P1", "P2", "P3", "P4", "P5"].map((id) => ({ id, label: `${id} 一年级`, seats: id === "P5" ? 1 : 0 }));
    const r = allocate({
      seed: "long",
      programs,
      applicants: [
        { id: "none", points: 0, choices: [] },
        { id: "five", points: 0, choices: programs.map((p) => ({ program: p.id, tier: "other" as const })) },
      ],
    });
    expect(r.applicants[0]).toMatchObject({ offer: null, reason: "no_choices", explanation: "您没有填报志愿，未参与分配。" });
    expect(r.applicants[1]).toMatchObject({ offer: "P5", offerRank: 5, reason: "lower_choice" });
    expect(r.applicants[1]!.explanation).toContain("第五志愿「P5 一年级」");
  });
});

describe("waitlists and explanations", () => {
  const result = allocate({
    seed: "explain",
    programs: [
      { id: "P1", label: "城关第一小学 一年级", seats: 1 },
      { id: "P2", label: "城关第二小学 一年级", seats: 1 },
      { id: "P3", label: "城关第三小学 一年级", seats: 5 },
    ],
    applicants: [
      { id: "top", points: 0, choices: [{ program: "P1", tier: "catchment" }] },
      { id: "mid", points: 8, choices: [{ program: "P1", tier: "other" }, { program: "P2", tier: "other" }, { program: "P3", tier: "other" }] },
      { id: "low", points: 2, choices: [{ program: "P1", tier: "other" }, { program: "P2", tier: "other" }, { program: "P3", tier: "other" }] },
    ],
  });
  const low = result.applicants.find((a) => a.id === "low")!;
  const mid = result.applicants.find((a) => a.id === "mid")!;

  it("lists an applicant on the waitlist of every program ranked above its offer, in priority order", () => {
    expect(mid).toMatchObject({ offer: "P2", offerRank: 2, reason: "lower_choice" });
    expect(low).toMatchObject({ offer: "P3", offerRank: 3 });
    expect(result.programs.find((p) => p.id === "P1")!.waitlist).toEqual(["mid", "low"]);
    expect(result.programs.find((p) => p.id === "P2")!.waitlist).toEqual(["low"]);
    expect(result.programs.find((p) => p.id === "P3")!.waitlist).toEqual([]);
    expect(low.choices.map((c) => [c.outcome, c.deciding, c.waitlistPosition])).toEqual([
      ["waitlisted", "tier", 2],
      ["waitlisted", "points", 1],
      ["offered", null, null],
    ]);
    expect(mid.choices[2]).toMatchObject({ outcome: "not_needed", waitlistPosition: null });
  });

  it("explains each choice with the seats, the number who ranked it, the cut-off and the applicant's own figures", () => {
    expect(low.explanation).toContain("第一志愿「城关第一小学 一年级」：共1个学位，3人填报（其中施教区内1人）。施教区内申请人优先");
    expect(low.explanation).toContain("候补名单第2位");
    expect(low.explanation).toContain("第二志愿「城关第二小学 一年级」：共1个学位，2人填报（其中施教区内0人）。录取线为施教区外、积分8分；您同属施教区外，积分2分，低于录取线");
    expect(low.explanation).toContain("第三志愿「城关第三小学 一年级」：共5个学位，2人填报（其中施教区内0人），您已被录取。");
    expect(low.explanation).toContain(`随机号为${low.lottery.toFixed(6)}`);
    expect(mid.explanation).toContain("第三志愿「城关第三小学 一年级」不再参与分配");
  });

  it("explains a lottery loss with both numbers", () => {
    const r = allocate({
      seed: "tie",
      programs: one(),
      applicants: ["T1", "T2"].map((id) => ({ id, points: 6, choices: [{ program: "P1", tier: "catchment" as const }] })),
    });
    const lost = r.applicants.find((a) => a.offer === null)!;
    const won = r.applicants.find((a) => a.offer !== null)!;
    expect(lost.explanation).toContain(`录取线为施教区内、积分6分、随机号${won.lottery.toFixed(6)}`);
    expect(lost.explanation).toContain(`您的随机号${lost.lottery.toFixed(6)}在录取线之后`);
    expect(lost.explanation).toContain("暂未获得学位");
  });
});

describe("input checks", () => {
  const bad = (input: unknown) => {
    try {
      allocate(input as AllocationInput);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as DomainError).fields;
    }
    throw new Error("expected a validation error");
  };

  it("refuses a choice of an unknown program, a program ranked twice and duplicate ids, in Chinese", () => {
    const fields = bad({
      seed: "s",
      programs: [{ id: "P1", label: "一小", seats: 1 }, { id: "P1", label: "一小", seats: 1 }],
      applicants: [
        { id: "A", points: 0, choices: [{ program: "P9", tier: "other" }] },
        { id: "A", points: 0, choices: [{ program: "P1", tier: "other" }, { program: "P1", tier: "other" }] },
      ],
    });
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: "programs.1.id", message: "学位项目编号P1重复" },
        { path: "applicants.1.id", message: "申请编号A重复" },
        { path: "applicants.0.choices.0.program", message: "志愿中的学位项目P9不存在" },
        { path: "applicants.1.choices.1.program", message: "同一学位项目P1不能重复填报" },
      ]),
    );
  });

  it("refuses an empty seed, negative seats and an id with a colon", () => {
    const fields = bad({ seed: "", programs: [{ id: "P:1", label: "一小", seats: -1 }], applicants: [] });
    expect(fields.map((f) => f.path).sort()).toEqual(["programs.0.id", "programs.0.seats", "seed"]);
    expect(fields.find((f) => f.path === "seed")!.message).toBe("请输入随机种子");
  });
});
