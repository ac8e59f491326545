/**
 * 统筹安排: after the draw, every eligible child the matching left without a place is placed
 * by a published rule, and told why; a child the rule cannot place gets a written reason.
 * The data knows, per child, its community (社区) and township (乡镇/街道), and per school its
 * township and the communities whose 施教区 it is; it has no distances. So "nearest" is
 * defined from what the data has, in three rings:
 *
 *   1. a catchment school of the child's community (施教区学校) with a seat left;
 *   2. otherwise a school in the child's township with a seat left;
 *   3. otherwise any school of the district offering the grade with a seat left.
 *
 * Within a ring, schools are tried in the intake's published order (content/intakes). The
 * children are placed one at a time in the order of their published lottery numbers (smaller
 * first), the same tie-break the draw uses, so the placement is as re-runnable as the draw.
 * Seats left = the program's seats minus the offers the matching made.
 */
export type PlacementProgram = { id: string; label: string; seats: number; areaId: string };
export type PlacementChild = { id: string; lottery: number; areaId: string; catchment: readonly string[] };
export const PLACEMENT_RINGS = ["catchment", "township", "district", "none"] as const;
export type PlacementRing = (typeof PLACEMENT_RINGS)[number];

export type Placement = { applicant: string; program: string | null; ring: PlacementRing; reason: string };

export const PLACEMENT_RULE_ZH =
  "统筹安排规则：志愿均未录取的符合条件儿童，按随机号从小到大依次安排：先安排到本社区施教区内仍有空余学位的学校；没有时安排到本乡镇（街道）内仍有空余学位的学校；仍没有时安排到全区仍有空余学位的学校。同一层次内按招生批次公布的学校顺序选择。";

export function placeUnplaced(input: {
  programs: readonly PlacementProgram[];
  /** Offers of the matching: applicant id → program id, for every placed applicant. */
  offered: readonly string[];
  children: readonly PlacementChild[];
}): Placement[] {
  const left = new Map(input.programs.map((p) => [p.id, p.seats]));
  for (const program of input.offered) left.set(program, (left.get(program) ?? 0) - 1);
  const free = (p: PlacementProgram) => (left.get(p.id) ?? 0) > 0;
  const order = [...input.children].sort((a, b) => a.lottery - b.lottery || (a.id < b.id ? -1 : 1));
  return order.map((child) => {
    const rings: [PlacementRing, (p: PlacementProgram) => boolean][] = [
      ["catchment", (p) => child.catchment.includes(p.id)],
      ["township", (p) => p.areaId === child.areaId],
      ["district", () => true],
    ];
    for (const [ring, fits] of rings) {
      const program = input.programs.find((p) => fits(p) && free(p));
      if (!program) continue;
      left.set(program.id, left.get(program.id)! - 1);
      return { applicant: child.id, program: program.id, ring, reason: placementReason(ring, program.label) };
    }
    return { applicant: child.id, program: null, ring: "none" as const, reason: placementReason("none", null) };
  });
}

export function placementReason(ring: PlacementRing, label: string | null): string {
  const head = "为保证每个符合条件的孩子都有学位，按公布的统筹安排规则（按随机号顺序，先本社区施教区学校，再本乡镇（街道）学校，再全区学校），";
  if (ring === "catchment") return `${head}您被安排到本社区施教区内仍有空余学位的「${label}」。`;
  if (ring === "township") return `${head}本社区施教区学校已无空余学位，您被安排到本乡镇（街道）内仍有空余学位的「${label}」。`;
  if (ring === "district") return `${head}本乡镇（街道）学校已无空余学位，您被安排到全区仍有空余学位的「${label}」。`;
  return "全区该年级在本批次已没有空余学位。教育局将在第二轮（补录）或开学前另行安排，并由工作人员电话联系您；您仍在所填志愿的候补名单上。";
}
