/**
 * The lottery: one number per applicant, used at every school (single tie-breaking), derived
 * from the published seed (the hash of the witnesses' revealed contributions, src/domain/enrolment/draw/commit-reveal.ts), so anyone can recompute it:
 *
 *   number = first 13 hex digits of SHA-256( UTF-8( seed + ":" + applicantId ) ) / 2^52
 *
 * i.e. the top 52 bits of the digest as a fraction in [0, 1), exactly representable as a
 * JavaScript/JSON number. Smaller numbers come first. Applicant ids never contain ":", so
 * the message splits unambiguously at its last colon. On a shell:
 *   printf '%s' 'SEED:ID' | sha256sum        → take the first 13 hex digits h
 *   python3 -c "print(int('h', 16) / 2**52)"
 * SHA-256 from @noble/hashes (audited, pure JS, synchronous, same result in the browser, the
 * build, Node and workerd); a hash rather than a seeded permutation so that each family can
 * check its own number without the whole applicant list.
 */
import { sha256 } from "@noble/hashes/sha2.js";

/** The rule in words, printed in every result and in the published file. */
export const LOTTERY_RULE_ZH =
  "随机号 = SHA-256（UTF-8编码的“种子:申请编号”）十六进制结果的前13位（种子与申请编号之间为英文冒号），按十六进制整数除以2^52（4503599627370496），得到0到1之间的小数；随机号越小越优先。" +
  "可自行核对：printf '%s' '种子:申请编号' | sha256sum，取前13位十六进制数换算。";
export const LOTTERY_RULE_EN =
  "lottery = int(first 13 hex digits of SHA-256(UTF-8(seed + ':' + applicantId)), 16) / 2^52; smaller first";

const TWO_POW_52 = 2 ** 52;

/** The message that is hashed, exposed so a check page can show it. */
export function lotteryMessage(seed: string, applicantId: string): string {
  return `${seed}:${applicantId}`;
}

/** The applicant's lottery number in [0, 1). */
export function lotteryNumber(seed: string, applicantId: string): number {
  return lotteryDrawer(seed)(applicantId);
}

const encoder = new TextEncoder();

/**
 * Lottery numbers for one seed, for a whole run: "seed:" is encoded once and each id is
 * encoded into the same buffer after it, which saves 100k small allocations per run. The
 * hashed bytes are exactly UTF-8("seed:id"), as the rule says.
 */
export function lotteryDrawer(seed: string): (applicantId: string) => number {
  const prefix = encoder.encode(lotteryMessage(seed, ""));
  let buffer = new Uint8Array(prefix.length + 256);
  buffer.set(prefix);
  return (applicantId) => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (buffer.length < prefix.length + 3 * applicantId.length) {
      buffer = new Uint8Array(prefix.length + 3 * applicantId.length);
      buffer.set(prefix);
    }
    const { written } = encoder.encodeInto(applicantId, buffer.subarray(prefix.length));
    const d = sha256(buffer.subarray(0, prefix.length + written));
    // The first 13 hex digits are bytes 0–5 and the high nibble of byte 6 (52 bits, exact).
    const top = ((d[0]! * 256 + d[1]!) * 256 + d[2]!) * 256 + d[3]!;
    const rest = (d[4]! * 256 + d[5]!) * 16 + (d[6]! >> 4);
    return (top * 2 ** 20 + rest) / TWO_POW_52;
  };
}
