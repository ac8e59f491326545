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
 * SHA-256 is plain FIPS 180-4 (block-hash.ts: pure JS, synchronous, same result in the browser, the
 * build, Node and workerd; tested against node:crypto); a hash rather than a seeded permutation so that each family can
 * check its own number without the whole applicant list.
 */
import { compressBlock, finishMessage, SHA256_IV } from "./block-hash";

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
 * Lottery numbers for one seed, for a whole run. The "seed:" prefix is encoded once and its
 * full 64-byte blocks hashed once (an official seed is 64 hex digits, so its message always
 * spans a block boundary); each id is then written after the prefix's remaining bytes in one
 * reused buffer and only the last block or two are compressed. Nothing is allocated per
 * applicant. The hashed bytes are exactly UTF-8("seed:id"), as the rule says.
 */
export function lotteryDrawer(seed: string): (applicantId: string) => number {
  const prefix = encoder.encode(lotteryMessage(seed, ""));
  const hashed = prefix.length - (prefix.length % 64);
  const midstate = SHA256_IV.slice();
  for (let at = 0; at < hashed; at += 64) compressBlock(midstate, prefix, at);
  const rest = prefix.subarray(hashed);
  let buffer = new Uint8Array(rest.length + 256);
  buffer.set(rest);
  const state = new Int32Array(8);
  return (applicantId) => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit; the padding needs 72 bytes.
    if (buffer.length < rest.length + 3 * applicantId.length + 72) {
      buffer = new Uint8Array(rest.length + 3 * applicantId.length + 72);
      buffer.set(rest);
    }
    let length = rest.length;
    for (let j = 0; j < applicantId.length; j++) {
      const unit = applicantId.charCodeAt(j);
      if (unit >= 0x80) {
        // Not ASCII (ids of the published schema always are): let the encoder write it all.
        length = rest.length + encoder.encodeInto(applicantId, buffer.subarray(rest.length)).written;
        break;
      }
      buffer[length++] = unit;
    }
    state.set(midstate);
    finishMessage(state, buffer, length, hashed + length);
    // The first 13 hex digits are the first word and the top 20 bits of the second (52 bits, exact).
    return ((state[0]! >>> 0) * 2 ** 20 + (state[1]! >>> 12)) / TWO_POW_52;
  };
}
