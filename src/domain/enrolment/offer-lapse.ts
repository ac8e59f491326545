/**
 * When an offer stops holding a seat. An offer (state `offered`) holds its seat until its own
 * deadline (`offer_deadline` 23:59:59 Beijing time for the published draw; at least 7 days
 * from the day it was made for a place passed on from a waitlist). Once that instant has
 * passed without an acceptance the offer has lapsed (已过期): it is refused if the family tries
 * to answer, it no longer counts against the seats of the second round (补录), and the server
 * records the state `lapsed` and moves the waitlist exactly as after a decline (at the next
 * scheduled run, and before any second-round freeze). The rule is derived from the stored
 * deadline alone, so every reader (tracking, the second round's seats, the freeze) agrees
 * whether or not the lapse has been written yet.
 */
import { chineseDate, shanghaiDate } from "../complaint/time";
import type { ApplicationState } from "./states";

type OfferFields = { state: ApplicationState; offerDeadline: string | null };

/** The offer is still inside its answer window at `now` (it holds its seat). */
export function offerIsLive(row: OfferFields, now: Date): boolean {
  return row.state === "offered" && row.offerDeadline !== null && row.offerDeadline >= now.toISOString();
}

/** The offer was not answered by its deadline: it has lapsed, written or not. */
export function offerHasLapsed(row: OfferFields, now: Date): boolean {
  return row.state === "lapsed" || (row.state === "offered" && !offerIsLive(row, now));
}

/** `2027年5月31日23:59（北京时间）`: the deadline as the family reads it. */
function deadlineText(deadline: string | null): string {
  if (!deadline) return "答复期限";
  const clock = new Date(new Date(deadline).getTime() + 8 * 3600 * 1000).toISOString().slice(11, 16);
  return `${chineseDate(shanghaiDate(deadline))}${clock}（北京时间）`;
}

/** The timeline entry and tracking sentence of a lapsed offer. */
export function lapsedMessage(deadline: string | null, enquiryPhone: string): string {
  return `您没有在答复期限${deadlineText(deadline)}之前接受学位，这个学位已过期。学位会按规则递补给候补的家庭，没有候补时留给第二轮（补录）。如有疑问请致电招生咨询电话${enquiryPhone}。`;
}

/** What a family is told when it tries to accept or decline after its deadline. */
export function answerAfterDeadlineMessage(deadline: string | null, enquiryPhone: string): string {
  return `这个学位的答复期限${deadlineText(deadline)}已过，学位已过期，不能再接受或放弃。学位会按规则递补给候补的家庭，没有候补时留给第二轮（补录）。如有疑问请致电招生咨询电话${enquiryPhone}。`;
}
