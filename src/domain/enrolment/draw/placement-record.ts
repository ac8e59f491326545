/**
 * The 统筹安排 placements of a published round, as recorded at publication and published in the
 * results file (`placement` beside each grade's allocation), with exactly what is needed to
 * re-run `placeUnplaced` (placement.ts): per program its township, in the published school
 * order; per child the matching left unplaced its pseudonymous id, township and catchment
 * programs (no community: several communities share a catchment, and the rule reads only the
 * catchment); and the placements made. Seats, labels, lottery numbers and which children are
 * unplaced are NOT taken from the record: `rerunPlacement` takes them from the re-run of the
 * allocation, so a verifier recomputes everything the rule reads except the addresses.
 */
import { z } from "../../zod";
import { PLACEMENT_RINGS, placeUnplaced, type Placement, type PlacementChild, type PlacementProgram } from "./placement";

export const PLACEMENT_RECORD_FORMAT = "placement/1" as const;

export const PlacementRecord = z.strictObject({
  format: z.literal(PLACEMENT_RECORD_FORMAT),
  /** The programs in the published school order (the order the rule tries them in). */
  programs: z.array(z.strictObject({ id: z.string(), areaId: z.string() })),
  children: z.array(z.strictObject({ id: z.string(), areaId: z.string(), catchment: z.array(z.string()) })),
  placements: z.array(z.strictObject({ applicant: z.string(), program: z.string().nullable(), ring: z.enum(PLACEMENT_RINGS) })),
});
export type PlacementRecord = z.infer<typeof PlacementRecord>;

/** What publication records: the rule's inputs (minus what the allocation already publishes) and its output. */
export function placementRecordOf(programs: readonly PlacementProgram[], children: readonly PlacementChild[], placements: readonly Placement[]): PlacementRecord {
  return {
    format: PLACEMENT_RECORD_FORMAT,
    programs: programs.map((p) => ({ id: p.id, areaId: p.areaId })),
    children: children.map((c) => ({ id: c.id, areaId: c.areaId, catchment: [...c.catchment] })),
    placements: placements.map((p) => ({ applicant: p.applicant, program: p.program, ring: p.ring })),
  };
}

type RerunInput = {
  record: PlacementRecord;
  /** The allocation's programs (seats and labels as published, covered by its input digest). */
  programs: readonly { id: string; label: string; seats: number }[];
  /** The re-run allocation: every applicant's recomputed lottery number and offer. */
  recomputed: readonly { id: string; lottery: number; offer: string | null }[];
};

const ringZh: Record<(typeof PLACEMENT_RINGS)[number], string> = { catchment: "施教区", township: "本乡镇（街道）", district: "全区", none: "无空余学位" };
const placedText = (p: { program: string | null; ring: (typeof PLACEMENT_RINGS)[number] }) => `${p.program ?? "未安排"}（${ringZh[p.ring]}）`;

/** Re-runs the placement; returns the differences in Chinese, in file order (empty = matches). */
export function rerunPlacement({ record, programs, recomputed }: RerunInput): string[] {
  const differences: string[] = [];
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort().join("\n");
  if (ids(record.programs) !== ids(programs)) differences.push("统筹安排：记录的学位项目与分配文件中的学位项目不一致");
  const byId = new Map(programs.map((p) => [p.id, p]));
  const placementPrograms = record.programs.flatMap((p) => {
    const program = byId.get(p.id);
    return program ? [{ id: p.id, label: program.label, seats: program.seats, areaId: p.areaId }] : [];
  });
  const facts = new Map(record.children.map((c) => [c.id, c]));
  const unplaced = recomputed.filter((a) => a.offer === null);
  for (const a of unplaced) if (!facts.has(a.id)) differences.push(`统筹安排：申请${a.id}重新计算为未录取，但文件中没有它的乡镇和施教区`);
  const unplacedIds = new Set(unplaced.map((a) => a.id));
  for (const c of record.children) if (!unplacedIds.has(c.id)) differences.push(`统筹安排：申请${c.id}重新计算为已录取，不应参加统筹安排`);
  const children = unplaced.flatMap((a) => {
    const f = facts.get(a.id);
    return f ? [{ id: a.id, lottery: a.lottery, areaId: f.areaId, catchment: f.catchment }] : [];
  });
  const again = placeUnplaced({ programs: placementPrograms, offered: recomputed.flatMap((a) => (a.offer ? [a.offer] : [])), children });
  const published = new Map(record.placements.map((p) => [p.applicant, p]));
  for (const p of again) {
    const q = published.get(p.applicant);
    if (!q) differences.push(`统筹安排：申请${p.applicant}重新计算为${placedText(p)}，文件中没有它的安排`);
    else if (q.program !== p.program || q.ring !== p.ring) differences.push(`统筹安排：申请${p.applicant}公布为${placedText(q)}，重新计算为${placedText(p)}`);
  }
  const rerun = new Set(again.map((p) => p.applicant));
  for (const q of record.placements) if (!rerun.has(q.applicant)) differences.push(`统筹安排：文件中申请${q.applicant}的安排${placedText(q)}重新计算时不存在`);
  return differences;
}
