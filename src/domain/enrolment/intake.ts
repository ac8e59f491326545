/**
 * Schema of an intake (招生批次), `content/intakes/<id>.yaml`: a public decision published
 * on /enrol/ and read by the API and the console. It names the grades, the calendar, the
 * age cut-off (local practice, so configurable: DOMAIN.md §3), the seats each school section
 * reserves for this intake, and the documented points rules used as the second priority.
 */
import { z } from "../zod";
import { SECTIONS } from "../district/vocabulary";
import { DOCUMENT_KINDS, GRADES } from "./vocabulary";
import { addCalendarMonths } from "../privacy-notice";

/** An ISO calendar date, e.g. "2026-11-01" (quote it in YAML). */
export const IsoDate = z
  .string({ error: "请填写日期，格式为YYYY-MM-DD，并加引号" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为YYYY-MM-DD，例如 \"2026-11-01\"")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "不是真实的日期");

/** Section ids are `<school id>-<section>`, as in the balance data (e.g. wenchang-xiaoxue-primary). */
export const SectionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*-(primary|junior)$/, "学校编号后应加-primary（小学）或-junior（初中），例如wenchang-xiaoxue-primary");

const SeatLine = z.strictObject({
  /** A school section of content/schools/schools.csv, e.g. wenchang-xiaoxue-primary. */
  section: SectionId,
  /** Seats this section reserves for this intake (not its whole first-year capacity). */
  seats: z.number().int("学位数应为整数").min(1, "学位数至少为1"),
});

const GradeOffer = z.strictObject({
  /** "1" (小学一年级) or "7" (初中七年级). */
  grade: z.enum(GRADES, { error: "年级只能是 \"1\" 或 \"7\"" }),
  /** The section every school of this grade must have. */
  section: z.enum(SECTIONS, { error: "只能是primary（小学）或junior（初中）" }),
  /** Minimum age on the cut-off date (年满六周岁 for grade 1). */
  min_age: z.number().int().min(5).max(15),
  seats: z.array(SeatLine).min(1, "每个年级至少要有一所学校提供学位"),
});

const PointsRule = z.strictObject({
  /** Stable id, e.g. permit_months. */
  id: z.enum(["permit_months", "social_insurance_months"], { error: "积分规则只能是permit_months或social_insurance_months" }),
  /** What the rule counts, as printed on /enrol/. */
  label: z.string().min(2),
  /** Points per month counted. */
  points_per_month: z.number().positive(),
  /** Months counted at most (so a long stay cannot shut out a family that meets the conditions). */
  max_months: z.number().int().min(1),
});

/**
 * What a reviewer checks on one kind of document (issue 19 item 4): the console shows the
 * list beside the document and the answers it proves, so each judgement is made against
 * the same written rule.
 */
const DocumentRule = z.strictObject({
  /** A document kind (src/domain/enrolment/vocabulary.ts), e.g. residence_permit. */
  kind: z.enum(DOCUMENT_KINDS, { error: `材料类型只能是${DOCUMENT_KINDS.join("、")}之一` }),
  /** What the document must show, one check per line, e.g. 有效期至开学日期之后. */
  shows: z.array(z.string().trim().min(2, "每一项至少2个字")).min(1, "至少写一项需要核对的内容"),
  /** The answers it proves: answer paths or their prefixes, e.g. permit, child.name, guardians.0. */
  proves: z.array(z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/, "请填写答案的路径，例如permit或child.name")).default([]),
});
export type DocumentRule = z.output<typeof DocumentRule>;

export const Intake = z
  .strictObject({
    /** The file name without .yaml, e.g. "2026"; also the year in application references. */
    id: z.string().regex(/^\d{4}$/, "批次编号应为4位年份，并加引号"),
    /** Title as printed, e.g. 2027 年秋季入学随迁子女招生. */
    title: z.string().min(4),
    /** The first school day the places are for. */
    school_year_start: IsoDate,
    /** Age is counted on this date (commonly 31 August: local practice). */
    age_cutoff: IsoDate,
    dates: z.strictObject({
      /** First day applications are accepted (Beijing time, from 00:00). */
      window_opens: IsoDate,
      /** Last day applications are accepted (until 23:59 Beijing time). */
      window_closes: IsoDate,
      /** Review of eligibility and documents ends. */
      review_ends: IsoDate,
      /** Day the allocation is run and published. */
      allocation_on: IsoDate,
      /** Last day a family can accept or decline an offer. */
      offer_deadline: IsoDate,
      /**
       * Last day of the second round (补录): from the day after offer_deadline until this day,
       * late applications are accepted for the seats left after first-round acceptances, and
       * drawn in a second draw of their own (src/domain/enrolment/draw/round.ts). Without it
       * there is no second round.
       */
      second_round_closes: IsoDate.optional(),
    }),
    /**
     * The residence-permit rule: a permit must still be valid on `valid_through` (commonly the
     * first school day). The form warns a family whose permit has expired or runs out before
     * it (./permit-rule), so they can renew in time; staff decide eligibility.
     */
    permit_rule: z.strictObject({ valid_through: IsoDate }),
    grades: z.array(GradeOffer).min(1),
    points: z.array(PointsRule),
    /** What each kind of document must show, for the reviewer's checklist; at most one rule per kind. */
    document_rules: z.array(DocumentRule).default([]),
  })
  .superRefine((intake, ctx) => {
    const d = intake.dates;
    type Required = Exclude<keyof typeof d, "second_round_closes">;
    const order: [Required, Required][] = [
      ["window_opens", "window_closes"],
      ["window_closes", "review_ends"],
      ["review_ends", "allocation_on"],
      ["allocation_on", "offer_deadline"],
    ];
    for (const [a, b] of order) {
      if (d[a] >= d[b]) ctx.addIssue({ code: "custom", path: ["dates", b], message: `应晚于${a}（${d[a]}）` });
    }
    if (d.second_round_closes !== undefined && d.second_round_closes <= d.offer_deadline)
      ctx.addIssue({ code: "custom", path: ["dates", "second_round_closes"], message: `应晚于offer_deadline（${d.offer_deadline}）` });
    if (d.second_round_closes !== undefined && d.second_round_closes >= intake.school_year_start)
      ctx.addIssue({ code: "custom", path: ["dates", "second_round_closes"], message: "补录截止日期应早于开学日期" });
    if (intake.dates.offer_deadline >= intake.school_year_start)
      ctx.addIssue({ code: "custom", path: ["school_year_start"], message: "开学日期应晚于接受学位的截止日期" });
    intake.grades.forEach((g, gi) => {
      const seen = new Set<string>();
      g.seats.forEach((s, si) => {
        if (seen.has(s.section)) ctx.addIssue({ code: "custom", path: ["grades", gi, "seats", si, "section"], message: "同一所学校在一个年级里只能出现一次" });
        seen.add(s.section);
        if (!s.section.endsWith(`-${g.section}`))
          ctx.addIssue({ code: "custom", path: ["grades", gi, "seats", si, "section"], message: `${g.grade}年级只能填写以-${g.section}结尾的学校编号` });
      });
    });
    const ruled = new Set<string>();
    intake.document_rules.forEach((r, ri) => {
      if (ruled.has(r.kind)) ctx.addIssue({ code: "custom", path: ["document_rules", ri, "kind"], message: "每种材料只能有一条核对规则" });
      ruled.add(r.kind);
    });
    const grades = intake.grades.map((g) => g.grade);
    if (new Set(grades).size !== grades.length) ctx.addIssue({ code: "custom", path: ["grades"], message: "每个年级只能出现一次" });
  });
export type Intake = z.output<typeof Intake>;


/** Seats of a grade by section id. */
export function seatsOf(intake: Intake, grade: string): Map<string, number> {
  return new Map((intake.grades.find((g) => g.grade === grade)?.seats ?? []).map((s) => [s.section, s.seats]));
}

/** Applications are accepted from window_opens 00:00 to window_closes 23:59:59 Beijing time (UTC+8). */
export function windowBounds(intake: Intake): { opens: Date; closes: Date } {
  return {
    opens: new Date(`${intake.dates.window_opens}T00:00:00+08:00`),
    closes: new Date(`${intake.dates.window_closes}T23:59:59.999+08:00`),
  };
}

export function isWindowOpen(intake: Intake, now: Date): boolean {
  const { opens, closes } = windowBounds(intake);
  return now >= opens && now <= closes;
}

/** The offer deadline's last instant (23:59:59 Beijing time). */
export function offerDeadline(intake: Intake): Date {
  return new Date(`${intake.dates.offer_deadline}T23:59:59.999+08:00`);
}

/**
 * The intake ends when the school year it allocates starts (招生批次结束); applications are
 * kept `months` after that (src/domain/privacy-notice.ts RETENTION), then purged.
 */
export function retainUntil(intake: Intake, months: number): string {
  return `${addCalendarMonths(intake.school_year_start, months)}T00:00:00.000Z`;
}
