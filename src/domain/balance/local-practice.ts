/**
 * Choices the national texts leave to the province or the district. Each one is named on
 * the methodology page as local practice (DOMAIN.md: "say so, keep it configurable").
 */
import type { LocationType, Section } from "../district/vocabulary";

/**
 * 农村 for the urban–rural gap and the rural funding top-up: 镇区 and 乡村 together, as the
 * national statistics group them; 城区 is urban.
 */
export const RURAL_LOCATION_TYPES: readonly LocationType[] = ["town", "rural"];
export const isRural = (t: LocationType) => RURAL_LOCATION_TYPES.includes(t);

/** Clause 2.1: the top-up above the provincial minimum 生均公用经费 for rural schools, 元 per student. */
export const RURAL_FUNDING_TOP_UP = 50;
/** Clause 2.1: the 一校两区 special subsidy per group and year, 元. */
export const CAMPUS_GROUP_SUBSIDY = 100_000;
/** Clause 2.3: share of classes with a networked multimedia classroom. */
export const MULTIMEDIA_TARGET = 0.8;
/** 2017 method, government guarantee: rotation of eligible teachers, and key teachers among those rotated. */
export const ROTATION_TARGET = 0.1;
export const KEY_ROTATION_TARGET = 0.2;
/** 2017 method: eligible migrant children in public or purchased places; disabled children enrolled. */
export const MIGRANT_TARGET = 0.85;
export const DISABLED_TARGET = 0.95;
/** 2017 method: the largest class, per level. */
export const CLASS_SIZE_MAX: Record<Section, number> = { primary: 45, junior: 50 };
/** 2017 method: school size, and for nine-year schools. */
export const SCHOOL_SIZE_MAX = 2000;
export const NINE_YEAR_SCHOOL_SIZE_MAX = 2500;
/** 2017 method: per-student funding of special-education schools, 元. */
export const SPECIAL_EDUCATION_FUNDING_MIN = 6000;
/** 2017 method: a school with fewer pupils than this is funded as if it had this many. */
export const FUNDED_AS_STUDENTS = 100;
/** 2017 method: 社会认可度 (a survey this site does not collect). */
export const SOCIAL_RECOGNITION_TARGET = 0.85;
