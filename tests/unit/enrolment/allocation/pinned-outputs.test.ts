/**
 * Pins the allocation's outputs, byte for byte, to the values the code gave before issue 21's
 * speed work: the full result (offers, counts, cut-offs, waitlists, every explanation), the
 * published file, the input digest and the re-run's report (re-pinned once when issue 18's
 * copy rule took the stray spaces out of the explanations and the lottery rule's text, a
 * change checked to be spaces only), over markets that reach the
 * edges the faster code has to get right: a 64-hex official seed (lottery messages longer
 * than one SHA-256 block), seeds whose prefix ends at and around the 55/64-byte boundaries,
 * ids of 1 to 64 characters, fractional and tied points, no choices, many choices, programs
 * with no seats. A change to any published figure fails here.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allocate, rerunFromPublished, toPublished, type AllocationInput } from "../../../../src/domain/enrolment/allocation";
import { syntheticMarket } from "../../../../bench/fixtures/allocation-market";

const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value), "utf8").digest("hex");

/** A deterministic market with irregular ids, points and list lengths. */
function irregular(seed: string, n: number): AllocationInput {
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const programs = Array.from({ length: 9 }, (_, p) => ({ id: p === 8 ? "P".repeat(64) : `prog-${p}.x`, label: `第${p}学校 一年级`, seats: p === 3 ? 0 : 1 + Math.floor(rnd() * (n / 6)) }));
  const applicants = Array.from({ length: n }, (_, i) => {
    const len = Math.floor(rnd() * 6); // 0 to 5 choices
    const order = programs.map((_, p) => p).sort(() => rnd() - 0.5).slice(0, len);
    return {
      id: i % 7 === 0 ? "a".repeat(1 + (i % 64)) : `A_${i}-${(rnd() * 1e6) | 0}`,
      points: i % 5 === 0 ? 2.5 : Math.floor(rnd() * 4),
      choices: order.map((p) => ({ program: programs[p]!.id, tier: rnd() < 0.3 ? ("catchment" as const) : ("other" as const) })),
    };
  });
  // Unique ids: the "aaa…" ids repeat every 64 applicants, so suffix a counter when needed.
  const seen = new Set<string>();
  for (const a of applicants) {
    while (seen.has(a.id)) a.id = `${a.id.slice(0, 60)}z${seen.size % 10}`;
    seen.add(a.id);
  }
  return { seed, programs, applicants };
}

const cases: [string, AllocationInput, { result: string; published: string; digest: string; rerun: string }][] = [
  ["the bench's market, 3,000 × 40 × 3", syntheticMarket(3000, 40, 3), {
      result: "d93618638bae993bc6f0831b3c61c62885bd20805f78abd424211e5d16d90336",
      published: "a64678546fc41fe0f141ee37e7430fa004bf043ee235fb1544d7b7930c5b53b6",
      digest: "cc1d2dd0b91f8d89bf2c0bbc7d24afab1f2d926de874177086e14c347b719029",
      rerun: "506bc3c445c5eaf620187a90e803cc23eba6106fa72e765bcc047f7d1a3aacb6",
    }],
  ["an official 64-hex seed", irregular("9f2c".repeat(16), 800), {
      result: "9e6e9e6b22ab8a83778ba3702045f198032acf2070d7eada9b1e9f24d4b344ba",
      published: "e2219debcbdbae1c1a49ea7a5585da1c4ac468e5833da6d0c21995bcbe99fb2f",
      digest: "0d7a53c7e6c38bd5670bd174a65118805b2b5d99995f93ca07e2052072a1285d",
      rerun: "94ba12e1d966fb64e06fe5c2daf8818a424a15c8919f395515b1213d820c430e",
    }],
  ["a seed whose message prefix is 55 bytes", irregular("s".repeat(54), 300), {
      result: "c35e031de6a779f42b72e103cf6df00fa17f52a13b17e9fddb6193cdd96d788d",
      published: "a0d8642ac42a44e5bb83a663ac0fe2a8cff14072ff2b521912bf2b09cd10d073",
      digest: "d69b61c03ef55217a0c47f11dcdd35dfd19cab08f3670be0f94c9745009d013a",
      rerun: "56df4e001ca6a78d97010ae25d74dee7e7cee05fedc659c09d8c66eac0604e52",
    }],
  ["a seed whose message prefix is 63 bytes", irregular("种".repeat(20) + "xx", 300), {
      result: "f131c84dfe35e731d5a7e71a2698149bd1f41bcbfde8819077dd47e02b147bd5",
      published: "39e8175fd701a136d34eaa44ad769dfab739f1c9351501d288a95f00def089bd",
      digest: "d69b61c03ef55217a0c47f11dcdd35dfd19cab08f3670be0f94c9745009d013a",
      rerun: "de81c9e97939f512627fd5071f4464a9f354400188ef39f735d5d1b278cd5f4b",
    }],
  ["a 200-character seed", irregular("长".repeat(200), 300), {
      result: "4ec197bb726d465e65f4db1ccfe4de9058b9964197ebcbbb8b9b3a8d215f9e3d",
      published: "3dc3e1f11b9c189775efff0375bc0bbc0e5ac165da1573cd42db7df879b4d378",
      digest: "d69b61c03ef55217a0c47f11dcdd35dfd19cab08f3670be0f94c9745009d013a",
      rerun: "40da858d9523a6ef9ce46f76af132e10d3bd6fd2e7bea6461ec59a52046e04e4",
    }],
];

describe("the allocation's published outputs, pinned", () => {
  for (const [name, input, expected] of cases) {
    it(`stay byte-identical: ${name}`, () => {
      const result = allocate(input);
      const published = toPublished(result);
      const rerun = rerunFromPublished(JSON.parse(JSON.stringify(published)));
      expect(rerun.matches).toBe(true);
      expect({ result: sha(result), published: sha(published), digest: result.inputDigest, rerun: sha(rerun) }).toEqual(expected);
    });
  }
});
