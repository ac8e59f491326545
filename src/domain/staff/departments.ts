/**
 * The departments of policy clause 5.1 that staff can belong to. A department liaison is
 * scoped to one; bureau roles may leave it empty. Codes are stable slugs; labels are what
 * the console shows. (The public department pages may grow their own content files later;
 * these codes are what staff rows and case rows carry.)
 */
export const DEPARTMENTS = [
  "education",
  "development-reform",
  "construction",
  "finance",
  "human-resources",
  "land-resources",
  "planning",
  "township",
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  education: "教育局",
  "development-reform": "发改局",
  construction: "建设局",
  finance: "财政局",
  "human-resources": "人劳局（编委办）",
  "land-resources": "国土分局",
  planning: "规划分局",
  township: "乡镇人民政府",
};
