/**
 * The intake calendar as one pure function: the phase a grade of an intake is in, from the
 * intake's dates, the clock and what the database holds (how many applications of each round
 * still await a decision, whether the applicant set is frozen, whether an official draw exists
 * and whether its offers were sent). The server enforces the draw with it and /enrol/ and the
 * console show it. The rule of each phase, in the order they come:
 *
 *   upcoming         before window_opens.
 *   open             window_opens 00:00 to window_closes 23:59:59 (Beijing time): applications
 *                    are accepted; no official draw.
 *   closed           the window has closed and first-round applications still await a decision.
 *   review_complete  every first-round application is decided; witnesses may still commit.
 *   draw             the applicant set is frozen (digest, seats and rules published); the
 *                    witnesses reveal and the official draw is run.
 *   published        the official draw's outcome is on the public draw log; offers not yet sent.
 *   offers           offers sent; families accept or decline until offer_deadline.
 *   second_round     after offer_deadline: 补录 over the seats left after acceptances, with its
 *                    own freeze, reveal and draw once its window has closed, every
 *                    second-round application is decided and no first-round offer is still
 *                    inside its answer window (a waitlist offer made late gets 7 more days).
 *
 * `drawRefusal` is the plain-Chinese reason an official draw (or a freeze) is refused now, or
 * null when the round in question may be drawn.
 */
import { chineseDate, shanghaiDate } from "../../complaint/time";
import type { Intake } from "../intake";
import { windowBounds } from "../intake";
import type { Round } from "./round";
import { secondRoundBounds } from "./round";

export const INTAKE_PHASES = ["upcoming", "open", "closed", "review_complete", "draw", "published", "offers", "second_round"] as const;
export type IntakePhase = (typeof INTAKE_PHASES)[number];

export const INTAKE_PHASE_LABELS: Record<IntakePhase, string> = {
  upcoming: "尚未开始受理",
  open: "正在受理申请",
  closed: "申请已截止，资格审核中",
  review_complete: "资格审核完成，等待公开抽签",
  draw: "申请名单已冻结，公开抽签",
  published: "抽签结果已公布",
  offers: "已发出学位通知，家庭确认学位",
  second_round: "第二轮（补录）",
};

/** What the database says about one round of one grade. */
export type RoundState = {
  /** Applications of the round not yet decided (submitted, under review, waiting for documents). */
  undecided: number;
  /** The round's applicant set has been frozen for an official draw. */
  frozen: boolean;
  /** An official (non-test) draw of the round exists. */
  drawn: boolean;
  /** The round's offers were sent to the families. */
  published: boolean;
  /** Offers of the round still inside their answer window (offer-lapse.ts): their seats are not yet known to be free. */
  liveOffers: number;
  /** The latest deadline among those offers (ISO instant), null when there are none. */
  lastLiveDeadline: string | null;
};

export type PhaseInput = { intake: Intake; now: Date; rounds: Record<Round, RoundState> };

export type PhaseView = {
  phase: IntakePhase;
  label: string;
  /** The round a draw now would be for. */
  round: Round;
  /** Why an official draw (or freeze) of `round` is refused now; null when it may go ahead. */
  drawRefusal: string | null;
};

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

function firstRoundRefusal(intake: Intake, now: Date, s: RoundState): string | null {
  if (now <= windowBounds(intake).closes)
    return `申请期尚未结束（截止到${chineseDate(intake.dates.window_closes)}），申请期内不能正式抽签。`;
  if (s.undecided > 0) return `还有${s.undecided}份第一轮申请未审核完毕，全部审核完成后才能冻结名单、正式抽签。`;
  if (s.published) return "第一轮的抽签结果已经发布，不能再抽签。";
  return null;
}

function secondRoundRefusal(intake: Intake, now: Date, first: RoundState, s: RoundState): string | null {
  if (!first.published) return "第一轮的结果尚未发布，不能进行第二轮抽签。";
  if (now <= endOfDay(intake.dates.offer_deadline))
    return `第一轮接受学位的期限（${chineseDate(intake.dates.offer_deadline)}）尚未结束，剩余学位还不确定，不能进行第二轮抽签。`;
  const second = secondRoundBounds(intake);
  if (second && now <= second.closes)
    return `补录申请期尚未结束（截止到${chineseDate(intake.dates.second_round_closes!)}），申请期内不能正式抽签。`;
  if (s.undecided > 0) return `还有${s.undecided}份第二轮申请未审核完毕，全部审核完成后才能冻结名单、正式抽签。`;
  if (first.liveOffers > 0)
    return `第一轮还有${first.liveOffers}个学位在家庭答复期内（最晚到${chineseDate(shanghaiDate(first.lastLiveDeadline!))}），这些学位是否空出还不确定，答复期全部结束后才能冻结第二轮名单、正式抽签。`;
  if (s.published) return "第二轮的抽签结果已经发布，不能再抽签。";
  return null;
}

export function intakePhase({ intake, now, rounds }: PhaseInput): PhaseView {
  const first = rounds[1];
  const view = (phase: IntakePhase, round: Round, drawRefusal: string | null): PhaseView => ({ phase, label: INTAKE_PHASE_LABELS[phase], round, drawRefusal });
  const refusal1 = firstRoundRefusal(intake, now, first);
  if (now < windowBounds(intake).opens) return view("upcoming", 1, refusal1);
  if (now <= windowBounds(intake).closes) return view("open", 1, refusal1);
  if (!first.published) {
    if (first.undecided > 0) return view("closed", 1, refusal1);
    if (first.drawn) return view("published", 1, refusal1);
    return view(first.frozen ? "draw" : "review_complete", 1, refusal1);
  }
  if (now <= endOfDay(intake.dates.offer_deadline)) return view("offers", 1, refusal1);
  return view("second_round", 2, secondRoundRefusal(intake, now, first, rounds[2]));
}
