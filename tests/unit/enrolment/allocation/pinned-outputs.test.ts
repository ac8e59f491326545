/**
 * Pins the allocation's outputs, byte for byte, to the values the code gave before issue 21's
 * speed work: the full result (offers, counts, cut-offs, waitlists, every explanation), the
 * published file, the input digest and the re-run's report, over markets that reach the
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
      result: "2655b38ab6e6e805c031ce1eb4f0673135ee752640f36192982cd5a301f4a808",
      published: "0b985fa3ff8fcaa8b4b9646b0f5cf17d5ad4e2785445220fc61d16979d4a0560",
      digest: "cc1d2dd0b91f8d89bf2c0bbc7d24afab1f2d926de874177086e14c347b719029",
      rerun: "506bc3c445c5eaf620187a90e803cc23eba6106fa72e765bcc047f7d1a3aacb6",
    }],
  ["an official 64-hex seed", irregular("9f2c".repeat(16), 800), {
      result: "b2e79b7e598381840bf86c2e31e760b20ac0dc645021296f08760aae981b49bb",
      published: "7c9303b08fb02d340bc275913062d2a9c4bad53577ef7f8051b2faca1f9a2b07",
      digest: "0d7a53c7e6c38bd5670bd174a65118805b2b5d99995f93ca07e2052072a1285d",
      rerun: "94ba12e1d966fb64e06fe5c2daf8818a424a15c8919f395515b1213d820c430e",
    }],
  ["a seed whose message prefix is 55 bytes", irregular("s".repeat(54), 300), {
      result: "58d025b5460bb9a92453af2f223c6a763e5449289d4a5d53199b287c8b4d379e",
      published: "eb632424e8bfb96064a192bca62dbac44e568ad6d8625bb88d4023d907a50ffa",
      digest: "d69b61c03ef55217a0c47f11dcdd35dfd19cab08f3670be0f94c9745009d013a",
      rerun: "56df4e001ca6a78d97010ae25d74dee7e7cee05fedc659c09d8c66eac0604e52",
    }],
  ["a seed whose message prefix is 63 bytes", irregular("种".repeat(20) + "xx", 300), {
      result: "c319563af494422022e79903707828257327f4f6a1dc95f9ffc802c99b1c9965",
      published: "d0fbaa8aa68e94b431c3475bb1bd9b6eeaea517499b6c4378b8cf09f4e30bc73",
      digest: "d69b61c03ef55217a0c47f11dcdd35dfd19cab08f3670be0f94c9745009d013a",
      rerun: "de81c9e97939f512627fd5071f4464a9f354400188ef39f735d5d1b278cd5f4b",
    }],
  ["a 200-character seed", irregular("长".repeat(200), 300), {
      result: "9be70e17be4f9ceb1817bd4426df08171a5b2fbc12689f92ce31cb1732fa9a65",
      published: "1914c2480053ea79f55b168bad53a0827fbf9232cec86070d9ac80be7344458f",
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
