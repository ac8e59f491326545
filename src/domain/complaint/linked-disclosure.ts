/**
 * Joint disclosure control for the two linked complaint tables (issue 22 item 5): by category
 * and by department. Each category has a lead department, and a reader who assumes the worst
 * (no reassignment, or reassignments known exactly) takes each department's count as the sum
 * of its lead categories plus a known offset. Protected one by one, a shown department cell
 * then gives away a hidden category cell of its group, and a hidden department cell whose
 * categories are all shown is their sum. The rule here: start from each table's own
 * suppression (./disclosure), then, while some hidden cell cannot change by one case in a
 * "trade" that keeps every published figure (two hidden categories of one group; or two
 * hidden categories of different groups whose departments are both hidden, the departments
 * moving with them), hide one more cell next to it: the smallest shown category of its group,
 * else its department, else another department. A trade exists only if the cell that gives a
 * case stays at or above its floor (1, or the cases listed one by one). When every hidden cell
 * has a trade, each has at least two feasible values; if nothing is left to hide, both tables
 * are withheld. Pure; the stats service runs it.
 */
import { protectTable, type Cell } from "./disclosure";

export type LinkedCounts = {
  categories: ReadonlyMap<string, number>;
  departments: ReadonlyMap<string, number>;
  leadOf: (category: string) => string;
  categoryFloors?: ReadonlyMap<string, number>;
  departmentFloors?: ReadonlyMap<string, number>;
};

type Node = { kind: "category" | "department"; key: string; count: number; lo: number; group: string; hidden: boolean };

const sorted = (cells: Cell[]) => cells.sort((a, b) => a.key.localeCompare(b.key));

/** Both tables with primary, secondary and joint suppression; `[]` for both when no safe publication exists. */
export function protectLinkedTables(t: LinkedCounts): { byCategory: Cell[]; byDepartment: Cell[] } {
  const cf = t.categoryFloors ?? new Map<string, number>();
  const df = t.departmentFloors ?? new Map<string, number>();
  const alone = (counts: ReadonlyMap<string, number>, floors: ReadonlyMap<string, number>) => {
    const cells = protectTable(counts, floors);
    return new Set(cells.length === 0 ? [...counts.keys()] : cells.filter((c) => c.count === null).map((c) => c.key));
  };
  const hiddenCats = alone(t.categories, cf);
  const hiddenDepts = alone(t.departments, df);
  const cats: Node[] = [...t.categories].map(([key, count]) => ({ kind: "category", key, count, lo: Math.max(1, cf.get(key) ?? 0), group: t.leadOf(key), hidden: hiddenCats.has(key) }));
  const deptKeys = new Set([...t.departments.keys(), ...cats.map((c) => c.group)]);
  const depts = new Map<string, Node>([...deptKeys].map((key) => {
    const count = t.departments.get(key) ?? 0;
    return [key, { kind: "department", key, count, lo: Math.max(1, df.get(key) ?? 0), group: key, hidden: hiddenDepts.has(key) }];
  }));
  const slack = (n: Node) => n.count - n.lo;

  /** Whether hidden category x can trade one case with hidden category y, all published figures kept. */
  const trade = (x: Node, y: Node) => {
    if (x === y || !x.hidden || !y.hidden) return false;
    if (x.group === y.group) return slack(x) >= 1 || slack(y) >= 1;
    const [dx, dy] = [depts.get(x.group)!, depts.get(y.group)!];
    return dx.hidden && dy.hidden && ((slack(x) >= 1 && slack(dx) >= 1) || (slack(y) >= 1 && slack(dy) >= 1));
  };
  const movable = (n: Node) =>
    n.kind === "category"
      ? cats.some((y) => trade(n, y))
      : cats.some((x) => x.group === n.key && cats.some((y) => y.group !== n.key && trade(x, y)));

  const shownNonZero = (nodes: Iterable<Node>, except?: Node) =>
    [...nodes].filter((n) => !n.hidden && n.count > 0 && n !== except).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
  /** The next cell to hide so that `u` can gain a trade, or undefined when none is left. */
  const nextFor = (u: Node): Node | undefined => {
    const group = cats.filter((c) => c.group === u.group);
    const own = depts.get(u.group)!;
    if (u.kind === "category") return shownNonZero(group, u) ?? (own.hidden || own.count === 0 ? undefined : own) ?? shownNonZero(depts.values(), own) ?? shownNonZero(cats);
    if (!group.some((c) => c.hidden)) return shownNonZero(group);
    return shownNonZero(depts.values(), u) ?? shownNonZero(cats.filter((c) => depts.get(c.group)!.hidden && c.group !== u.key));
  };

  const all = [...cats, ...depts.values()];
  for (;;) {
    const stuck = all.find((n) => n.hidden && !movable(n));
    if (!stuck) break;
    const next = nextFor(stuck);
    if (!next) return { byCategory: [], byDepartment: [] };
    next.hidden = true;
  }
  const cells = (nodes: Node[]) => sorted(nodes.map((n) => ({ key: n.key, count: n.hidden ? null : n.count })));
  return { byCategory: cells(cats), byDepartment: cells([...depts.values()].filter((d) => t.departments.has(d.key))) };
}
