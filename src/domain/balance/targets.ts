/**
 * The policy's own measurable targets and the 2017 method's government-guarantee figures the
 * data allows (DOMAIN.md §1 table, §2.5, §2.6), for one year. Each target names the clause or
 * national text that asks for it; shares are returned as fractions, unrounded.
 */
import type { Section } from "../district/vocabulary";
import type { DistrictYear, SectionYear } from "./inputs";
import {
  CAMPUS_GROUP_SUBSIDY,
  CLASS_SIZE_MAX,
  DISABLED_TARGET,
  FUNDED_AS_STUDENTS,
  isRural,
  KEY_ROTATION_TARGET,
  MIGRANT_TARGET,
  MULTIMEDIA_TARGET,
  NINE_YEAR_SCHOOL_SIZE_MAX,
  RURAL_FUNDING_TOP_UP,
  ROTATION_TARGET,
  SCHOOL_SIZE_MAX,
  SOCIAL_RECOGNITION_TARGET,
  SPECIAL_EDUCATION_FUNDING_MIN,
} from "./local-practice";
import type { LocationType } from "../district/vocabulary";
import { classSizeLimits, inWan, wholePercent } from "./rule-text";
import { fundingFloors } from "./funding-floor";

export const TARGET_IDS = [
  "multimedia",
  "multimedia_sections",
  "rural_funding",
  "campus_group_subsidy",
  "teacher_rotation",
  "key_teacher_rotation",
  "migrant_children",
  "disabled_children",
  "class_size",
  "school_size",
  "special_education_funding",
  "small_school_funding",
  "social_recognition",
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** `share`: a fraction against a minimum; `count`: how many units miss, against zero. */
export type TargetResult = {
  id: TargetId;
  name: string;
  /** Policy clause id (e.g. 2.1) or the national text asking for it. */
  basis: string;
  kind: "share" | "count";
  value: number | null;
  target: number;
  met: boolean | null;
  /** Shown as information beside a target, with no mark of its own. */
  info?: true;
  /** False when the data needed is not collected: the page says "未评估：未采集数据". */
  collected: boolean;
  /** What the figure counts, in words, including who is in scope. */
  detail: string;
};

export type TargetSection = {
  schoolId: string;
  section: Section;
  locationType: LocationType;
  specialEducation: boolean;
  nineYear: boolean;
  campusGroup: string | null;
  inputs: SectionYear;
};

/** The funding a section must receive per student this year: the provincial minimum, plus the top-up if rural; the special-education minimum if special. */
export function requiredFunding(s: Pick<TargetSection, "section" | "locationType" | "specialEducation">, district: DistrictYear): number {
  if (s.specialEducation) return SPECIAL_EDUCATION_FUNDING_MIN;
  const minimum = district.provincial_minimum_funding[s.section];
  return isRural(s.locationType) ? minimum + RURAL_FUNDING_TOP_UP : minimum;
}

/** Classes with a networked multimedia room in one section: its rooms, but never more than its classes. */
export const equippedClasses = (i: Pick<SectionYear, "multimedia_classrooms" | "classes">) => Math.min(i.multimedia_classrooms, i.classes);
/** A section's share of classes with a networked multimedia room, capped at 1. */
export const multimediaShare = (i: Pick<SectionYear, "multimedia_classrooms" | "classes">) => equippedClasses(i) / i.classes;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const atLeast = (value: number | null, target: number) => (value === null ? null : value >= target);

export function evaluateTargets(sections: readonly TargetSection[], district: DistrictYear): TargetResult[] {
  const sum = (xs: readonly TargetSection[], f: (s: TargetSection) => number) => xs.reduce((a, s) => a + f(s), 0);

  // A section cannot have more than all of its classes equipped: rooms beyond its classes count as its classes.
  const multimedia = share(sum(sections, (s) => equippedClasses(s.inputs)), sum(sections, (s) => s.inputs.classes));
  const sectionsAtTarget = sections.filter((s) => multimediaShare(s.inputs) >= MULTIMEDIA_TARGET).length;
  const multimediaSections = share(sectionsAtTarget, sections.length);

  const rural = sections.filter((s) => isRural(s.locationType) && !s.specialEducation);
  const ruralShort = rural.filter((s) => s.inputs.public_funding_per_student < requiredFunding(s, district)).length;

  const groups = [...new Set(sections.map((s) => s.campusGroup).filter((g): g is string => g !== null))];
  const paid = new Map(district.campus_group_subsidies.map((g) => [g.group, g.paid]));
  const groupsShort = groups.filter((g) => (paid.get(g) ?? 0) < CAMPUS_GROUP_SUBSIDY).length;

  const rotation = share(district.teacher_rotation.rotated, district.teacher_rotation.eligible);
  const keyRotation = share(district.teacher_rotation.key_rotated, district.teacher_rotation.rotated);
  const migrant = share(district.migrant_children.in_public_places, district.migrant_children.eligible);
  const disabled = share(district.disabled_children.enrolled, district.disabled_children.school_age);

  const overfull = sections.filter((s) => s.inputs.largest_class > CLASS_SIZE_MAX[s.section]).length;

  const schoolSizes = new Map<string, { students: number; nineYear: boolean }>();
  for (const s of sections) {
    const prev = schoolSizes.get(s.schoolId);
    schoolSizes.set(s.schoolId, { students: (prev?.students ?? 0) + s.inputs.students, nineYear: s.nineYear });
  }
  const oversized = [...schoolSizes.values()].filter((s) => s.students > (s.nineYear ? NINE_YEAR_SCHOOL_SIZE_MAX : SCHOOL_SIZE_MAX)).length;

  const floors = [...fundingFloors(sections.map((s) => ({ schoolId: s.schoolId, students: s.inputs.students, fundingPerStudent: s.inputs.public_funding_per_student, requiredPerStudent: requiredFunding(s, district) }))).values()].filter((f) => f !== null);
  const floorsShort = floors.filter((f) => !f.ok).length;

  const special = sections.filter((s) => s.specialEducation);
  const specialShort = special.filter((s) => s.inputs.public_funding_per_student < SPECIAL_EDUCATION_FUNDING_MIN).length;

  return [
    { id: "multimedia", name: "多媒体进教室的班级比例", basis: "2.3", kind: "share", value: multimedia, target: MULTIMEDIA_TARGET, met: atLeast(multimedia, MULTIMEDIA_TARGET), collected: true, detail: `全区全部${sections.length}所小学和初中（九年一贯制学校的小学部、初中部各计一所）：各校有网络多媒体教室的班级数（不超过本校班级数）合计 ÷ 教学班数合计` },
    { id: "multimedia_sections", name: `多媒体进教室的班级比例达到${wholePercent(MULTIMEDIA_TARGET)}的学校比例`, basis: "2.3", kind: "share", value: multimediaSections, target: MULTIMEDIA_TARGET, met: null, info: true, collected: true, detail: `全区全部${sections.length}所小学和初中中有${sectionsAtTarget}所；仅供参考，改进意见的目标按全区班级计算` },
    { id: "rural_funding", name: `农村学校生均公用经费未达“省定标准 + ${RURAL_FUNDING_TOP_UP}元”的学校数`, basis: "2.1", kind: "count", value: ruralShort, target: 0, met: ruralShort === 0, collected: true, detail: `镇区和乡村的${rural.length}所小学和初中（不含特殊教育学校）` },
    { id: "campus_group_subsidy", name: `未足额拨付“一校两区”专项补贴（每年${inWan(CAMPUS_GROUP_SUBSIDY)}）的学校组数`, basis: "2.1", kind: "count", value: groupsShort, target: 0, met: groupsShort === 0, collected: true, detail: `名册中的${groups.length}个“一校两区”组` },
    { id: "teacher_rotation", name: "符合条件教师的交流轮岗比例", basis: "3.2；教督〔2017〕6号", kind: "share", value: rotation, target: ROTATION_TARGET, met: atLeast(rotation, ROTATION_TARGET), collected: true, detail: `符合交流条件的${district.teacher_rotation.eligible}名教师中交流${district.teacher_rotation.rotated}名` },
    { id: "key_teacher_rotation", name: "交流教师中骨干教师的比例", basis: "3.2；教督〔2017〕6号", kind: "share", value: keyRotation, target: KEY_ROTATION_TARGET, met: atLeast(keyRotation, KEY_ROTATION_TARGET), collected: true, detail: `交流的${district.teacher_rotation.rotated}名教师中骨干教师${district.teacher_rotation.key_rotated}名` },
    { id: "migrant_children", name: "符合条件的随迁子女在公办学校（含政府购买学位）就读比例", basis: "4.2；教督〔2017〕6号", kind: "share", value: migrant, target: MIGRANT_TARGET, met: atLeast(migrant, MIGRANT_TARGET), collected: true, detail: `符合条件的${district.migrant_children.eligible}名随迁子女中${district.migrant_children.in_public_places}名` },
    { id: "disabled_children", name: "适龄残疾儿童少年入学率", basis: "4.3；教督〔2017〕6号", kind: "share", value: disabled, target: DISABLED_TARGET, met: atLeast(disabled, DISABLED_TARGET), collected: true, detail: `适龄残疾儿童少年${district.disabled_children.school_age}名中入学${district.disabled_children.enrolled}名` },
    { id: "class_size", name: `最大班额超标（${classSizeLimits()}）的学校数`, basis: "教督〔2017〕6号", kind: "count", value: overfull, target: 0, met: overfull === 0, collected: true, detail: `全区全部${sections.length}所小学和初中` },
    { id: "school_size", name: `规模超标（${SCHOOL_SIZE_MAX}人，九年一贯制${NINE_YEAR_SCHOOL_SIZE_MAX}人）的学校数`, basis: "教督〔2017〕6号", kind: "count", value: oversized, target: 0, met: oversized === 0, collected: true, detail: `全区${schoolSizes.size}所学校，九年一贯制学校按小学部和初中部合计` },
    { id: "special_education_funding", name: `生均公用经费低于${SPECIAL_EDUCATION_FUNDING_MIN}元的特殊教育学校数`, basis: "4.3；教督〔2017〕6号", kind: "count", value: specialShort, target: 0, met: specialShort === 0, collected: true, detail: `特殊教育学校的${special.length}个小学部或初中部` },
    { id: "small_school_funding", name: `不足${FUNDED_AS_STUDENTS}名学生、公用经费未按${FUNDED_AS_STUDENTS}名学生拨付的学校数`, basis: "教督〔2017〕6号", kind: "count", value: floorsShort, target: 0, met: floorsShort === 0, collected: true, detail: `全区在校生不足${FUNDED_AS_STUDENTS}人的${floors.length}所学校：实际拨付总额（生均公用经费 × 在校生数）对比${FUNDED_AS_STUDENTS} × 生均标准` },
    { id: "social_recognition", name: "社会认可度", basis: "教督〔2017〕6号", kind: "share", value: null, target: SOCIAL_RECOGNITION_TARGET, met: null, collected: false, detail: "未评估：未采集数据（需要问卷调查）" },
  ];
}
