/**
 * 统筹安排 at publication: the children of a run the matching left without a place, placed by
 * the domain's published rule (`placeUnplaced`: community catchment, then township, then the
 * district, by lottery number) over the seats the run's offers left. Each gets the program it
 * is placed at (or null) and the sentence it is told, and the run gets the record that
 * publishes and re-runs the placement (draw/placement-record.ts). Placed children keep their waitlist
 * places: the published file still lists them as unplaced, and waitlist.ts treats an offer
 * outside a family's list as no offer for the matching.
 */
import type { AllocationResult, PublishedAllocation } from "../../../../src/domain/enrolment/allocation";
import { communityOf, sectionsForGrade, type Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { placeUnplaced, type Placement } from "../../../../src/domain/enrolment/draw/placement";
import { placementRecordOf, type PlacementRecord } from "../../../../src/domain/enrolment/draw/placement-record";
import type { ApplicationRow } from "./application-row";

export function placementsFor(
  catalogue: Catalogue,
  grade: ApplicationRow["grade"],
  result: AllocationResult,
  rowOf: (publicId: string) => ApplicationRow,
): { byApplicant: Map<string, Placement>; record: PlacementRecord } {
  const area = new Map(sectionsForGrade(catalogue, grade).map((s) => [s.id, s.areaId]));
  const programs = result.programs.map((p) => ({ id: p.id, label: p.label, seats: p.seats, areaId: area.get(p.id) ?? "" }));
  const children = result.applicants
    .filter((a) => a.offer === null)
    .map((a) => {
      const row = rowOf(a.id);
      return { id: a.id, lottery: a.lottery, areaId: row.areaId, catchment: communityOf(catalogue, row.areaId, row.communityId)?.catchment[grade] ?? [] };
    });
  const placed = placeUnplaced({ programs, offered: result.applicants.flatMap((a) => (a.offer ? [a.offer] : [])), children });
  return { byApplicant: new Map(placed.map((p) => [p.applicant, p])), record: placementRecordOf(programs, children, placed) };
}

/** Is `offer` one of the programs the applicant ranked (a matching offer), not a 统筹 placement? */
export function isRankedOffer(published: PublishedAllocation, publicId: string, offer: string | null): boolean {
  return offer !== null && (published.applicants.find((a) => a.id === publicId)?.choices.some((c) => c.program === offer) ?? false);
}
