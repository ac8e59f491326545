/**
 * The departments of policy clause 5.1 that staff can belong to. A department liaison is
 * scoped to one; bureau roles may leave it empty. Codes are stable slugs; labels are what
 * the console shows. The codes are the ids of the public department pages
 * (`content/departments/<id>.yaml`, kind department or township), so a case assigned to a
 * department links to that department's duties; a unit test keeps the two in step.
 */
export const DEPARTMENTS = [
  "jiaoyu-ju",
  "fagai-ju",
  "jianshe-ju",
  "caizheng-ju",
  "renlao-ju",
  "guotu-fenju",
  "guihua-fenju",
  "xiangzhen",
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  "jiaoyu-ju": "教育局",
  "fagai-ju": "发改局",
  "jianshe-ju": "建设局",
  "caizheng-ju": "财政局",
  "renlao-ju": "人劳局（编委办）",
  "guotu-fenju": "国土分局",
  "guihua-fenju": "规划分局",
  xiangzhen: "乡镇人民政府",
};
