import { describe, expect, it } from "vitest";
import { intakePhase, type RoundState } from "../../../../src/domain/enrolment/draw/phase";
import { applicationRound, openRound } from "../../../../src/domain/enrolment/draw/round";
import { committedCatalogue } from "../../../fixtures/enrolment";

const idle: RoundState = { undecided: 0, frozen: false, drawn: false, published: false, liveOffers: 0, lastLiveDeadline: null };
const at = (iso: string) => new Date(iso);

describe("the intake calendar governs the draw", async () => {
  const { intake } = await committedCatalogue();
  const phase = (now: string, first: Partial<RoundState> = {}, second: Partial<RoundState> = {}) =>
    intakePhase({ intake, now: at(now), rounds: { 1: { ...idle, ...first }, 2: { ...idle, ...second } } });

  it("is open today (2026-12-03) and refuses a draw until the window's last second has passed", () => {
    expect(phase("2026-12-03T04:00:00Z")).toMatchObject({ phase: "open", label: "正在受理申请", drawRefusal: "申请期尚未结束（截止到2027年3月31日），申请期内不能正式抽签。" });
    expect(phase("2026-10-31T15:59:59Z").phase).toBe("upcoming");
    expect(phase("2026-10-31T16:00:00Z").phase).toBe("open");
    expect(phase("2027-03-31T15:59:59.999Z").phase).toBe("open");
    expect(phase("2027-03-31T16:00:00Z")).toMatchObject({ phase: "review_complete", drawRefusal: null });
  });

  it("refuses while any application of the round is undecided, and walks through the draw", () => {
    expect(phase("2027-04-10T00:00:00Z", { undecided: 2 })).toMatchObject({ phase: "closed", drawRefusal: "还有2份第一轮申请未审核完毕，全部审核完成后才能冻结名单、正式抽签。" });
    expect(phase("2027-05-15T00:00:00Z", { frozen: true }).phase).toBe("draw");
    expect(phase("2027-05-15T00:00:00Z", { frozen: true, drawn: true }).phase).toBe("published");
    expect(phase("2027-05-20T00:00:00Z", { frozen: true, drawn: true, published: true })).toMatchObject({ phase: "offers", round: 1, drawRefusal: "第一轮的抽签结果已经发布，不能再抽签。" });
  });

  it("opens a second round after the offer deadline, drawn only after its own window and review", () => {
    const done = { frozen: true, drawn: true, published: true };
    expect(phase("2027-06-05T00:00:00Z", done)).toMatchObject({ phase: "second_round", round: 2, drawRefusal: "补录申请期尚未结束（截止到2027年6月20日），申请期内不能正式抽签。" });
    expect(phase("2027-06-22T00:00:00Z", done, { undecided: 1 }).drawRefusal).toBe("还有1份第二轮申请未审核完毕，全部审核完成后才能冻结名单、正式抽签。");
    expect(phase("2027-06-22T00:00:00Z", done).drawRefusal).toBeNull();
    expect(phase("2027-06-22T00:00:00Z", done, done).drawRefusal).toBe("第二轮的抽签结果已经发布，不能再抽签。");
  });

  it("refuses the second round while a first-round offer is still inside its answer window", () => {
    const done = { frozen: true, drawn: true, published: true };
    const waiting = { ...done, liveOffers: 2, lastLiveDeadline: "2027-06-28T16:00:00.000Z" };
    expect(phase("2027-06-22T00:00:00Z", waiting).drawRefusal).toBe("第一轮还有2个学位在家庭答复期内（最晚到2027年6月29日），这些学位是否空出还不确定，答复期全部结束后才能冻结第二轮名单、正式抽签。");
    expect(phase("2027-06-22T00:00:00Z", { ...done, liveOffers: 0 }).drawRefusal).toBeNull();
  });

  it("puts a submission in the window in round 1 and a late one in round 2; nothing is accepted between", () => {
    expect(applicationRound(intake, at("2027-03-31T15:59:00Z"))).toBe(1);
    expect(applicationRound(intake, at("2027-06-02T01:00:00Z"))).toBe(2);
    expect(openRound(intake, at("2026-12-03T04:00:00Z"))).toBe(1);
    expect(openRound(intake, at("2027-04-15T04:00:00Z"))).toBeNull();
    expect(openRound(intake, at("2027-05-31T15:59:59Z"))).toBeNull();
    expect(openRound(intake, at("2027-05-31T16:00:00Z"))).toBe(2);
    expect(openRound(intake, at("2027-06-20T16:00:00Z"))).toBeNull();
    expect(openRound({ ...intake, dates: { ...intake.dates, second_round_closes: undefined } }, at("2027-06-05T00:00:00Z"))).toBeNull();
  });
});
