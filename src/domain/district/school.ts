/**
 * Schema of one row of the school registry `content/schools/schools.csv`, and the
 * school sections (学段) derived from it. A nine-year school is one row and two sections;
 * the balance method evaluates sections, not schools (DOMAIN.md §2.1).
 */
import { z } from "../zod";
import { Slug } from "./site-config";
import { LOCATION_TYPES, SECTIONS, YES_NO, type Section } from "./vocabulary";

const yesNo = z.enum(YES_NO, { error: "请填写yes或no" }).transform((v) => v === "yes");

/** The columns of schools.csv, in order, each documented for the column dictionary. */
export const SchoolRow = z.strictObject({
  /** Stable id used in URLs and the yearly data files. */
  id: Slug,
  /** Full school name as registered. */
  name: z.string().min(2, "请填写学校全称"),
  /** `primary`, `junior`, or `primary+junior` for a nine-year school (九年一贯制). */
  sections: z.enum([...SECTIONS, "primary+junior"], {
    error: "请填写primary、junior或primary+junior",
  }),
  /** Id of the township or sub-district in content/site.yaml. */
  township: Slug,
  /** 城区 urban, 镇区 town or 乡村 rural, as in the national statistics. */
  location_type: z.enum(LOCATION_TYPES, { error: "请填写urban、town或rural" }),
  /** `yes` for a teaching point (教学点), a small site below a complete school. */
  teaching_point: yesNo,
  /** `yes` for a special-education school (特殊教育学校), outside the balance resource set. */
  special_education: yesNo,
  /** Id shared by the campuses of one 一校两区 group; empty when none. */
  campus_group: z.union([z.literal("").transform(() => null), Slug]),
  /** Street address as printed for the public. */
  address: z.string().min(4, "请填写学校地址"),
  /** The school's own telephone as printed (docs/style.md: 0570-8800 1234); the scorecard links it. */
  phone: z.string().regex(/^0\d{2,3}-\d{3,4} ?\d{4}$/, "请填写学校电话，格式如0570-8800 1234"),
});
export type SchoolRow = z.input<typeof SchoolRow>;
export type School = z.output<typeof SchoolRow>;

export function sectionsOf(school: Pick<School, "sections">): Section[] {
  return school.sections === "primary+junior" ? ["primary", "junior"] : [school.sections];
}
