/**
 * Vocabularies of the demo district's registry. Each is one `as const` array with its
 * Chinese labels beside it (DESIGN.md convention 4); data files use the codes, pages the labels.
 */

/** School sections (学段). A nine-year school (九年一贯制) has both. */
export const SECTIONS = ["primary", "junior"] as const;
export type Section = (typeof SECTIONS)[number];
export const SECTION_LABELS: Record<Section, string> = { primary: "小学", junior: "初中" };

/** Location type of a school, as in the national education statistics (城区 / 镇区 / 乡村). */
export const LOCATION_TYPES = ["urban", "town", "rural"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];
export const LOCATION_TYPE_LABELS: Record<LocationType, string> = {
  urban: "城区",
  town: "镇区",
  rural: "乡村",
};

/** Administrative areas below the district: townships (乡镇) and sub-districts (街道). */
export const AREA_KINDS = ["township", "subdistrict"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const AREA_KIND_LABELS: Record<AreaKind, string> = { township: "乡镇", subdistrict: "街道" };

/** How the registry writes a yes/no column. */
export const YES_NO = ["yes", "no"] as const;
