/**
 * Schemas of the yearly balance inputs: one row of `content/schools/<year>.csv` per school
 * section (DOMAIN.md §2.1, from 教育事业统计 at the start of the school year) and the
 * district file `content/district/<year>.yaml`. The JSDoc on each column is the column
 * dictionary published on /data and /methodology (COLUMN_DICTIONARY below).
 */
import { z } from "../zod";
import { Slug } from "../district/site-config";
import { SECTIONS } from "../district/vocabulary";

/** A CSV cell that must hold a whole number ≥ 0 (an empty cell is not zero). */
const count = () =>
  z
    .string()
    .min(1, "不能为空，没有请填 0")
    .transform(Number)
    .pipe(z.number({ error: "必须是数字" }).int("必须是整数").min(0, "不能是负数"));
/** A CSV cell that must hold a number ≥ 0. */
const amount = () =>
  z
    .string()
    .min(1, "不能为空，没有请填 0")
    .transform(Number)
    .pipe(z.number({ error: "必须是数字" }).min(0, "不能是负数"));
/** A CSV cell that must hold a whole number > 0. */
const positive = () =>
  z
    .string()
    .transform(Number)
    .pipe(z.number({ error: "必须是正整数" }).int("必须是正整数").positive("必须是正整数"));

/** One column: its code, its Chinese meaning and its unit, for the published dictionary. */
export type ColumnDoc = { name: string; label: string; unit: string; type: "string" | "integer" | "number" };

export const SECTION_YEAR_COLUMNS = [
  { name: "school_id", label: "学校 id（见 schools.csv）", unit: "", type: "string" },
  { name: "section", label: "学段：primary 小学，junior 初中", unit: "", type: "string" },
  { name: "students", label: "在校生数（有学籍）", unit: "人", type: "integer" },
  { name: "classes", label: "教学班数", unit: "个", type: "integer" },
  { name: "teachers", label: "专任教师数", unit: "人", type: "integer" },
  { name: "qualified_teachers", label: "高于规定学历的专任教师数（小学专科及以上，初中本科及以上）", unit: "人", type: "integer" },
  { name: "key_teachers", label: "县级以上骨干教师数", unit: "人", type: "integer" },
  { name: "pe_art_teachers", label: "体育、艺术（音乐、美术）专任教师数", unit: "人", type: "integer" },
  { name: "senior_title_teachers", label: "中级及以上专业技术职务专任教师数", unit: "人", type: "integer" },
  { name: "teaching_area", label: "教学及辅助用房面积（不含室内体育用房）", unit: "平方米", type: "number" },
  { name: "sports_area", label: "体育运动场馆面积（运动场地与体育馆）", unit: "平方米", type: "number" },
  { name: "equipment_value", label: "教学仪器设备资产值（账面原值）", unit: "元", type: "number" },
  { name: "multimedia_classrooms", label: "网络多媒体教室数", unit: "间", type: "integer" },
  { name: "computers", label: "教学用计算机台数", unit: "台", type: "integer" },
  { name: "library_books", label: "图书册数", unit: "册", type: "integer" },
  { name: "largest_class", label: "最大班额", unit: "人", type: "integer" },
  { name: "public_funding_per_student", label: "实际拨付的生均公用经费", unit: "元", type: "number" },
] as const satisfies readonly ColumnDoc[];

/** One row of `content/schools/<year>.csv`: one school section's inputs for one school year. */
export const SectionYearRow = z
  .strictObject({
    school_id: Slug,
    section: z.enum(SECTIONS, { error: "请填写 primary 或 junior" }),
    students: positive(),
    classes: positive(),
    teachers: count(),
    qualified_teachers: count(),
    key_teachers: count(),
    pe_art_teachers: count(),
    senior_title_teachers: count(),
    teaching_area: amount(),
    sports_area: amount(),
    equipment_value: amount(),
    multimedia_classrooms: count(),
    computers: count(),
    library_books: count(),
    largest_class: count(),
    public_funding_per_student: amount(),
  })
  .superRefine((row, ctx) => {
    for (const col of ["qualified_teachers", "key_teachers", "pe_art_teachers", "senior_title_teachers"] as const) {
      if (row[col] > row.teachers) ctx.addIssue({ code: "custom", path: [col], message: "不能多于专任教师数 teachers" });
    }
    if (row.multimedia_classrooms > row.classes * 2)
      ctx.addIssue({ code: "custom", path: ["multimedia_classrooms"], message: "不能超过教学班数 classes 的两倍，请核对" });
    if (row.largest_class * row.classes < row.students)
      ctx.addIssue({ code: "custom", path: ["largest_class"], message: "最大班额乘以教学班数 classes 小于在校生数 students，请核对" });
  });
export type SectionYear = z.output<typeof SectionYearRow>;

/** `content/district/<year>.yaml`: district-level inputs of one school year. */
export const DistrictYear = z.strictObject({
  /** The school year's starting calendar year, e.g. 2024 for 2024–2025学年; must match the file name. */
  year: z.number().int().min(2000).max(2100),
  /** The province's minimum 生均公用经费 for the year, in 元 per student. */
  provincial_minimum_funding: z.strictObject({
    primary: z.number().positive("省定生均公用经费最低标准必须大于 0"),
    junior: z.number().positive("省定生均公用经费最低标准必须大于 0"),
  }),
  /** School-age migrant children (随迁子女) eligible under the residence-permit rules, and those in public or government-purchased places. */
  migrant_children: z
    .strictObject({ eligible: z.number().int().min(0), in_public_places: z.number().int().min(0) })
    .refine((m) => m.in_public_places <= m.eligible, { message: "in_public_places 不能多于 eligible", path: ["in_public_places"] }),
  /** School-age disabled children and those enrolled (随班就读, special school, home teaching). */
  disabled_children: z
    .strictObject({ school_age: z.number().int().min(0), enrolled: z.number().int().min(0) })
    .refine((d) => d.enrolled <= d.school_age, { message: "enrolled 不能多于 school_age", path: ["enrolled"] }),
  /** Teachers eligible for rotation (交流轮岗), those rotated, and key teachers among those rotated. */
  teacher_rotation: z
    .strictObject({ eligible: z.number().int().min(0), rotated: z.number().int().min(0), key_rotated: z.number().int().min(0) })
    .refine((t) => t.rotated <= t.eligible, { message: "rotated 不能多于 eligible", path: ["rotated"] })
    .refine((t) => t.key_rotated <= t.rotated, { message: "key_rotated 不能多于 rotated", path: ["key_rotated"] }),
  /** The 一校两区 special subsidy paid per campus group (clause 2.1: 100,000 元 a year), by group id. */
  campus_group_subsidies: z.array(z.strictObject({ group: Slug, paid: z.number().min(0) })),
});
export type DistrictYear = z.output<typeof DistrictYear>;
