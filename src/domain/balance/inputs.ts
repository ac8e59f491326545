/**
 * Schemas of the yearly balance inputs: one row of `content/schools/<year>.csv` per school
 * section (DOMAIN.md §2.1, from 教育事业统计 at the start of the school year) and the
 * district file `content/district/<year>.yaml`. Each yearly column is declared once, in
 * SECTION_YEAR_COLUMNS (name, meaning, unit, type, validation); the row schema, the published
 * column dictionary on /data and the scorecard's raw-data table are derived from it.
 */
import { z } from "../zod";
import { Slug } from "../district/site-config";
import { SECTIONS, SECTION_LABELS } from "../district/vocabulary";
import { codesWithLabels } from "./rule-text";

/** A CSV cell that must hold a whole number ≥ 0 (an empty cell is not zero). */
const count = () =>
  z
    .string()
    .min(1, "不能为空，没有请填0")
    .transform(Number)
    .pipe(z.number({ error: "必须是数字" }).int("必须是整数").min(0, "不能是负数"));
/** A CSV cell that must hold a number ≥ 0. */
const amount = () =>
  z
    .string()
    .min(1, "不能为空，没有请填0")
    .transform(Number)
    .pipe(z.number({ error: "必须是数字" }).min(0, "不能是负数"));
/** A CSV cell that must hold a whole number > 0. */
const positive = () =>
  z
    .string()
    .transform(Number)
    .pipe(z.number({ error: "必须是正整数" }).int("必须是正整数").positive("必须是正整数"));

/** How a column is typed in the published table schema (Frictionless field types). */
export type ColumnType = "string" | "integer" | "number";
/** One column: its code, its Chinese meaning, its unit, its published type and the schema of its CSV cell. */
export type ColumnDoc = { name: string; label: string; unit: string; type: ColumnType; cell: z.ZodType };

// A column's published type follows from the kind of cell it accepts, so the two cannot disagree.
const text = <S extends z.ZodType>(cell: S) => ({ type: "string" as const, cell });
const whole = <S extends z.ZodType>(cell: S) => ({ type: "integer" as const, cell });
const decimal = <S extends z.ZodType>(cell: S) => ({ type: "number" as const, cell });
const column = <const N extends string, const T extends ColumnType, S extends z.ZodType>(
  name: N,
  label: string,
  unit: string,
  kind: { type: T; cell: S },
) => ({ name, label, unit, ...kind });

/**
 * The columns of `content/schools/<year>.csv`, in file order: the one declaration of each
 * column's name, meaning, unit, type and validation. SectionYearRow, the demo-data writer,
 * the scorecard's raw-data table and the open-data dictionary all read it.
 */
export const SECTION_YEAR_COLUMNS = [
  column("school_id", "学校id（见schools.csv）", "", text(Slug)),
  column("section", codesWithLabels("类别", SECTIONS, SECTION_LABELS), "", text(z.enum(SECTIONS, { error: "请填写primary或junior" }))),
  column("students", "在校生数（有学籍）", "人", whole(positive())),
  column("classes", "教学班数", "个", whole(positive())),
  column("teachers", "专任教师数", "人", whole(count())),
  column("qualified_teachers", "高于规定学历的专任教师数（小学专科及以上，初中本科及以上）", "人", whole(count())),
  column("key_teachers", "县级以上骨干教师数", "人", whole(count())),
  column("pe_art_teachers", "体育、艺术（音乐、美术）专任教师数", "人", whole(count())),
  column("senior_title_teachers", "中级及以上专业技术职务专任教师数", "人", whole(count())),
  column("teaching_area", "教学及辅助用房面积（不含室内体育用房）", "平方米", decimal(amount())),
  column("sports_area", "体育运动场馆面积（运动场地与体育馆）", "平方米", decimal(amount())),
  column("equipment_value", "教学仪器设备资产值（账面原值）", "元", decimal(amount())),
  column("multimedia_classrooms", "网络多媒体教室数", "间", whole(count())),
  column("computers", "教学用计算机台数", "台", whole(count())),
  column("library_books", "图书册数", "册", whole(count())),
  column("largest_class", "最大班额", "人", whole(count())),
  column("public_funding_per_student", "实际拨付的生均公用经费", "元", decimal(amount())),
] as const satisfies readonly ColumnDoc[];

type SectionYearColumn = (typeof SECTION_YEAR_COLUMNS)[number];

/** A column as the published dictionary describes it: its meaning, with its unit in brackets. */
export const columnDescription = (c: Pick<ColumnDoc, "label" | "unit">) => (c.unit ? `${c.label}（${c.unit}）` : c.label);

/** One row of `content/schools/<year>.csv`: one school section's inputs for one school year. */
export const SectionYearRow = z
  .strictObject(
    Object.fromEntries(SECTION_YEAR_COLUMNS.map((c) => [c.name, c.cell])) as { [C in SectionYearColumn as C["name"]]: C["cell"] },
  )
  .superRefine((row, ctx) => {
    for (const col of ["qualified_teachers", "key_teachers", "pe_art_teachers", "senior_title_teachers"] as const) {
      if (row[col] > row.teachers) ctx.addIssue({ code: "custom", path: [col], message: "不能多于专任教师数teachers" });
    }
    if (row.multimedia_classrooms > row.classes * 2)
      ctx.addIssue({ code: "custom", path: ["multimedia_classrooms"], message: "不能超过教学班数classes的两倍，请核对" });
    if (row.largest_class * row.classes < row.students)
      ctx.addIssue({ code: "custom", path: ["largest_class"], message: "最大班额乘以教学班数classes小于在校生数students，请核对" });
  });
export type SectionYear = z.output<typeof SectionYearRow>;

/** `content/district/<year>.yaml`: district-level inputs of one school year. */
export const DistrictYear = z.strictObject({
  /** The school year's starting calendar year, e.g. 2024 for 2024–2025学年; must match the file name. */
  year: z.number().int().min(2000).max(2100),
  /** The province's minimum 生均公用经费 for the year, in 元 per student. */
  provincial_minimum_funding: z.strictObject({
    primary: z.number().positive("省定生均公用经费最低标准必须大于0"),
    junior: z.number().positive("省定生均公用经费最低标准必须大于0"),
  }),
  /** School-age migrant children (随迁子女) eligible under the residence-permit rules, and those in public or government-purchased places. */
  migrant_children: z
    .strictObject({ eligible: z.number().int().min(0), in_public_places: z.number().int().min(0) })
    .refine((m) => m.in_public_places <= m.eligible, { message: "in_public_places不能多于eligible", path: ["in_public_places"] }),
  /** School-age disabled children and those enrolled (随班就读, special school, home teaching). */
  disabled_children: z
    .strictObject({ school_age: z.number().int().min(0), enrolled: z.number().int().min(0) })
    .refine((d) => d.enrolled <= d.school_age, { message: "enrolled不能多于school_age", path: ["enrolled"] }),
  /** Teachers eligible for rotation (交流轮岗), those rotated, and key teachers among those rotated. */
  teacher_rotation: z
    .strictObject({ eligible: z.number().int().min(0), rotated: z.number().int().min(0), key_rotated: z.number().int().min(0) })
    .refine((t) => t.rotated <= t.eligible, { message: "rotated不能多于eligible", path: ["rotated"] })
    .refine((t) => t.key_rotated <= t.rotated, { message: "key_rotated不能多于rotated", path: ["key_rotated"] }),
  /** The 一校两区 special subsidy paid per campus group (clause 2.1: 100,000 元 a year), by group id. */
  campus_group_subsidies: z.array(z.strictObject({ group: Slug, paid: z.number().min(0) })),
});
export type DistrictYear = z.output<typeof DistrictYear>;
