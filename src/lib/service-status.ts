/**
 * The two services' status lines for the home page and the navigation (issue 18 item 3),
 * computed at build time from the intake (content/intakes/) and the complaint deadlines.
 * A prerendered page cannot know the day it is read, so each status also says until when
 * it holds (`until`: the next date the wording changes); the build prints it and the
 * deployment rebuilds daily (README, "Keeping the home page current"), so the line is at
 * most one day behind a change. The build date is Beijing time; `SITE_BUILD_DATE`
 * (YYYY-MM-DD) pins it for tests and for previews of a coming phase.
 */
import { ACCEPT_WITHIN_DAYS } from "../domain/complaint/deadlines";
import { addDays, chineseDate, shanghaiDate, type IsoDate } from "../domain/complaint/time";
import type { Intake } from "../domain/enrolment/intake";

export type IntakePhase = "upcoming" | "open" | "reviewing" | "offers" | "closed";

export type ServiceStatus = {
  /** The service as a family names it, e.g. 2027年秋季入学申请. */
  service: string;
  phase: IntakePhase | "all-year";
  /** The status after the colon, a whole clause: 开放中，2027年3月31日截止. */
  words: string;
  /** The line as shown: 2027年秋季入学申请：开放中，2027年3月31日截止. */
  line: string;
  /** The last Beijing date on which `words` is true, or null when it never changes. */
  until: IsoDate | null;
};

/** The build's Beijing date: `SITE_BUILD_DATE` when set (tests, previews), else today. */
export function buildDate(env: Record<string, string | undefined> = process.env, now = new Date()): IsoDate {
  const pinned = env.SITE_BUILD_DATE;
  if (pinned !== undefined && pinned !== "") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned)) throw new Error(`SITE_BUILD_DATE must be YYYY-MM-DD, got "${pinned}"`);
    return pinned;
  }
  return shanghaiDate(now);
}

/** Where the intake stands on `today` (a Beijing date), in the words the home page shows. */
export function intakeStatus(intake: Intake, today: IsoDate): ServiceStatus {
  const { phase, words, until } = intakePhase(intake, today);
  const service = `${intake.school_year_start.slice(0, 4)}年秋季入学申请`;
  return { service, phase, words, until, line: `${service}：${words}` };
}

function intakePhase(intake: Intake, today: IsoDate): Pick<ServiceStatus, "words" | "until"> & { phase: IntakePhase } {
  const d = intake.dates;
  const day = (date: IsoDate) => chineseDate(date);
  if (today < d.window_opens)
    return { phase: "upcoming", words: `尚未开始，${day(d.window_opens)}开始申请`, until: addDays(d.window_opens, -1) };
  if (today <= d.window_closes) return { phase: "open", words: `开放中，${day(d.window_closes)}截止`, until: d.window_closes };
  if (today < d.allocation_on)
    return { phase: "reviewing", words: `申请已截止，正在审核，${day(d.allocation_on)}公布分配结果`, until: addDays(d.allocation_on, -1) };
  if (today <= d.offer_deadline)
    return { phase: "offers", words: `分配结果已公布，请在${day(d.offer_deadline)}前接受或放弃学位`, until: d.offer_deadline };
  return { phase: "closed", words: "本批次已结束，下一批次的时间公布后在这里说明", until: null };
}

/** Complaints are received all year; the line states the first deadline the filer can hold us to. */
export function complaintStatus(): ServiceStatus {
  const words = `全年受理，可以匿名，${ACCEPT_WITHIN_DAYS}日内告知是否受理`;
  return { service: "投诉举报", phase: "all-year", words, until: null, line: words };
}
