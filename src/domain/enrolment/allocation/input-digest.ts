/**
 * A fingerprint of the allocation's inputs (seats per program; each applicant's id, ranked
 * programs with tiers, and points), to be published BEFORE the seed is drawn: once the
 * digest is out, nobody can tailor the applicant list to a seed, and whoever enters the
 * seed can be held to a list they could not change afterwards. Recomputable from the
 * published file:
 *   SHA-256 hex of the UTF-8 JSON of { programs: [[id, seats]…] sorted by id,
 *   applicants: [[id, points, [[program, tier]…]]…] sorted by id } (no spaces).
 * Labels are left out (they are names, not inputs to the algorithm).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

type Market = {
  programs: { id: string; seats: number }[];
  applicants: { id: string; points: number; choices: { program: string; tier: string }[] }[];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function inputDigest(market: Market): string {
  const canonical = {
    programs: [...market.programs].sort(byId).map((p) => [p.id, p.seats]),
    applicants: [...market.applicants].sort(byId).map((a) => [a.id, a.points, a.choices.map((c) => [c.program, c.tier])]),
  };
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical))));
}
