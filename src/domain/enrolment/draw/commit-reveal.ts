/**
 * Commit–reveal for the draw's seed, so that nobody (not the supervisor, not one witness)
 * can choose the outcome. Before the applicant set is frozen, each named witness (公证员,
 * 家长代表, 纪检监察 …) picks a secret contribution and hands over only its commitment,
 * SHA-256 of the contribution; the commitments are published. After the freeze, at the draw,
 * each witness reveals the contribution; a reveal whose hash is not the commitment is
 * refused. The seed is then
 *
 *   seed = SHA-256 hex of UTF-8( c1 + "\n" + c2 + … + cn )
 *
 * with the contributions in the witnesses' commitment order (1, 2, … as numbered when they
 * committed), checkable with `printf '%s\n%s\n%s' c1 c2 c3 | sha256sum`. As long as one
 * witness kept its contribution secret until every commitment was fixed, nobody could know
 * the seed while the applicant set could still change. Dry runs use seeds that begin with
 * "TEST-", which an official seed (64 hex digits) never does: a test seed can never be
 * published.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { z } from "../../zod";

export const WITNESS_ROLES = ["notary", "parent_representative", "discipline_inspection", "other"] as const;
export type WitnessRole = (typeof WITNESS_ROLES)[number];
export const WITNESS_ROLE_LABELS: Record<WitnessRole, string> = {
  notary: "公证员",
  parent_representative: "家长代表",
  discipline_inspection: "纪检监察",
  other: "其他见证人",
};

/** An official draw needs at least this many revealed witnesses. */
export const MIN_WITNESSES = 3;

/** A contribution: 16–128 letters, digits, "-" or "_" (so it is typed or read aloud without doubt). */
export const Contribution = z
  .string({ error: "请输入见证人的随机串" })
  .regex(/^[A-Za-z0-9_-]{16,128}$/, { error: "随机串应为16到128个英文字母、数字、“-”或“_”" });

export const Commitment = z.string({ error: "请输入承诺值" }).regex(/^[0-9a-f]{64}$/, { error: "承诺值应为64位小写十六进制（随机串的SHA-256）" });

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** The commitment a witness hands over: SHA-256 hex of the contribution. */
export function commitmentOf(contribution: string): string {
  return hex(contribution);
}

export function revealMatches(commitment: string, contribution: string): boolean {
  return commitmentOf(contribution) === commitment;
}

/** The official seed from the revealed contributions, in commitment order. */
export function seedFromReveals(reveals: readonly { position: number; contribution: string }[]): string {
  return hex([...reveals].sort((a, b) => a.position - b.position).map((r) => r.contribution).join("\n"));
}

export const TEST_SEED_PREFIX = "TEST-";

/** A dry run's seed: marked as a test, from randomness the server draws. */
export function testSeed(random: string): string {
  return `${TEST_SEED_PREFIX}${random}`;
}

export function isTestSeed(seed: string): boolean {
  return seed.startsWith(TEST_SEED_PREFIX);
}

/** The fingerprint of a run's outcome: SHA-256 hex of the JSON [[applicant id, offer or null]…] sorted by id. */
export function outcomeDigest(applicants: readonly { id: string; offer: string | null }[]): string {
  const rows = [...applicants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => [a.id, a.offer]);
  return hex(JSON.stringify(rows));
}
