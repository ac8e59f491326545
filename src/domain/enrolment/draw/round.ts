/**
 * Which round (轮次) an application belongs to, and whether applications are accepted at all.
 * The first round takes what is submitted inside the intake's window; the official first
 * draw can only happen after the window has closed (phase.ts), so nothing submitted in the
 * window can miss it. A late application, or one filed when the window is re-opened for 补录
 * (the day after the offer deadline until `second_round_closes`), belongs to the second
 * round: its own draw over the seats left after first-round acceptances. The round is
 * decided once, at submission, from the submission time alone, so it never changes later.
 */
import { windowBounds, type Intake } from "../intake";

export const ROUNDS = [1, 2] as const;
export type Round = (typeof ROUNDS)[number];
export const ROUND_LABELS: Record<Round, string> = { 1: "第一轮", 2: "第二轮（补录）" };

/** The second round's window: from the day after the offer deadline (00:00 Beijing time) to
 *  `second_round_closes` 23:59:59 Beijing time; null when the intake has no second round. */
export function secondRoundBounds(intake: Intake): { opens: Date; closes: Date } | null {
  const closes = intake.dates.second_round_closes;
  if (closes === undefined) return null;
  const opens = new Date(new Date(`${intake.dates.offer_deadline}T00:00:00+08:00`).getTime() + 86400 * 1000);
  return { opens, closes: new Date(`${closes}T23:59:59.999+08:00`) };
}

/** The round an application submitted at `submittedAt` belongs to: 1 inside the window, else 2. */
export function applicationRound(intake: Intake, submittedAt: Date): Round {
  return submittedAt <= windowBounds(intake).closes ? 1 : 2;
}

/** The round that accepts applications at `now`, or null when none does. */
export function openRound(intake: Intake, now: Date): Round | null {
  const first = windowBounds(intake);
  if (now >= first.opens && now <= first.closes) return 1;
  const second = secondRoundBounds(intake);
  if (second && now >= second.opens && now <= second.closes) return 2;
  return null;
}
