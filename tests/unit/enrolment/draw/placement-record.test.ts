import { describe, expect, it } from "vitest";
import { placeUnplaced } from "../../../../src/domain/enrolment/draw/placement";
import { placementRecordOf, rerunPlacement } from "../../../../src/domain/enrolment/draw/placement-record";

/** Two seats for three children: C1 is matched, C2 and C3 are left for 统筹安排 (one seat left). */
const programs = [
  { id: "town", label: "本镇小学", seats: 1, areaId: "t1" },
  { id: "home", label: "施教区小学", seats: 1, areaId: "t1" },
];
const recomputed = [
  { id: "C1", lottery: 0.2, offer: "home" },
  { id: "C2", lottery: 0.7, offer: null },
  { id: "C3", lottery: 0.4, offer: null },
];
const children = [
  { id: "C2", lottery: 0.7, areaId: "t1", catchment: ["home"] },
  { id: "C3", lottery: 0.4, areaId: "t1", catchment: ["home"] },
];
const record = () => placementRecordOf(programs, children, placeUnplaced({ programs, offered: ["home"], children }));
const rerun = (r = record(), offers = recomputed) => rerunPlacement({ record: r, programs: programs.map(({ areaId: _, ...p }) => p), recomputed: offers });

describe("the published 统筹安排 record", () => {
  it("re-runs to no difference as recorded, taking lottery numbers from the re-run, not the record", () => {
    expect(record().placements).toEqual([
      { applicant: "C3", program: "town", ring: "township" },
      { applicant: "C2", program: null, ring: "none" },
    ]);
    expect(rerun()).toEqual([]);
    // The record holds no lottery number: another recomputed order places the other child.
    const swapped = recomputed.map((a) => (a.id === "C2" ? { ...a, lottery: 0.1 } : a));
    expect(rerun(record(), swapped)).toEqual(["统筹安排：申请C2公布为未安排（无空余学位），重新计算为town（本乡镇（街道））", "统筹安排：申请C3公布为town（本乡镇（街道）），重新计算为未安排（无空余学位）"]);
  });

  it("names a child whose facts are missing, one recorded though matched, and the school order", () => {
    const r = record();
    r.children = r.children.filter((c) => c.id !== "C2");
    expect(rerun(r)).toContain("统筹安排：申请C2重新计算为未录取，但文件中没有它的乡镇和施教区");
    const extra = record();
    extra.children.push({ id: "C1", areaId: "t1", catchment: [] });
    expect(rerun(extra)).toEqual(["统筹安排：申请C1重新计算为已录取，不应参加统筹安排"]);
    const unknown = record();
    unknown.programs.push({ id: "ghost", areaId: "t1" });
    expect(rerun(unknown)[0]).toBe("统筹安排：记录的学位项目与分配文件中的学位项目不一致");
  });
});
