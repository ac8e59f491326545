/**
 * Test helpers for the allocation: a random small market for fast-check, and an independent
 * stability checker (priority comparison written again here, not imported, so a bug in the
 * module's ordering cannot hide itself).
 */
import fc from "fast-check";
import type { AllocationInput, AllocationResult, PriorityTier } from "../../../../src/domain/enrolment/allocation";

export type Offers = Record<string, string | null>;

/** Up to 4 programs with 0–2 seats, up to 6 applicants, each ranking a random ordered subset. */
export const smallMarket: fc.Arbitrary<AllocationInput> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
  .chain(([P, N]) =>
    fc.record({
      seed: fc.integer({ min: 0, max: 1_000_000 }).map((n) => `seed-${n}`),
      seats: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: P, maxLength: P }),
      applicants: fc.array(
        fc.record({
          order: fc.shuffledSubarray([...Array(P).keys()]),
          catchment: fc.array(fc.boolean(), { minLength: P, maxLength: P }),
          points: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: N, maxLength: N },
      ),
    }),
  )
  .map(({ seed, seats, applicants }) => ({
    seed,
    programs: seats.map((s, p) => ({ id: `P${p}`, label: `学校${p} 一年级`, seats: s })),
    applicants: applicants.map((a, i) => ({
      id: `A${i}`,
      points: a.points,
      choices: a.order.map((p) => ({ program: `P${p}`, tier: (a.catchment[p] ? "catchment" : "other") as PriorityTier })),
    })),
  }));

type Who = { id: string; tier: PriorityTier; points: number; lottery: number };

/** True when a has higher priority than b at the same program. */
export function before(a: Who, b: Who): boolean {
  if (a.tier !== b.tier) return a.tier === "catchment";
  if (a.points !== b.points) return a.points > b.points;
  if (a.lottery !== b.lottery) return a.lottery < b.lottery;
  return a.id < b.id;
}

/** Every blocking pair (applicant, program) for the given offers: the applicant ranks the
 *  program above its offer and the program has a free seat or admitted someone of lower
 *  priority. `lottery` gives each applicant's number; `left` applicants are ignored. */
export function blockingPairs(input: AllocationInput, lottery: Record<string, number>, offers: Offers, left: Set<string> = new Set()): string[] {
  const found: string[] = [];
  const tierAt = (id: string, program: string) => input.applicants.find((a) => a.id === id)!.choices.find((c) => c.program === program)!.tier;
  const who = (id: string, program: string): Who => ({ id, tier: tierAt(id, program), points: input.applicants.find((a) => a.id === id)!.points, lottery: lottery[id]! });
  for (const a of input.applicants) {
    if (left.has(a.id)) continue;
    const offer = offers[a.id] ?? null;
    for (const c of a.choices) {
      if (c.program === offer) break;
      const program = input.programs.find((p) => p.id === c.program)!;
      const admitted = input.applicants.filter((b) => !left.has(b.id) && offers[b.id] === program.id);
      if (admitted.length < program.seats) found.push(`${a.id}→${program.id} (free seat)`);
      else if (admitted.some((b) => before(who(a.id, program.id), who(b.id, program.id)))) found.push(`${a.id}→${program.id} (outranks an admitted applicant)`);
    }
  }
  return found;
}

/** Programs over capacity, and offers outside an applicant's list. */
export function capacityViolations(input: AllocationInput, offers: Offers): string[] {
  const found: string[] = [];
  for (const p of input.programs) {
    const n = Object.values(offers).filter((o) => o === p.id).length;
    if (n > p.seats) found.push(`${p.id}: ${n} offers for ${p.seats} seats`);
  }
  for (const a of input.applicants) {
    const o = offers[a.id] ?? null;
    if (o !== null && !a.choices.some((c) => c.program === o)) found.push(`${a.id} offered ${o}, not on its list`);
  }
  return found;
}

export const offersOf = (r: AllocationResult): Offers => Object.fromEntries(r.applicants.map((a) => [a.id, a.offer]));
export const lotteriesOf = (r: AllocationResult): Record<string, number> => Object.fromEntries(r.applicants.map((a) => [a.id, a.lottery]));
