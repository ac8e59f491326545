/**
 * SHA-256 (FIPS 180-4) for the allocation's two hashes, written for their shapes rather than
 * for general use: a run hashes 100,000 short messages that all start with the same
 * "seed:" prefix (the lottery), and one long canonical text (the input digest). The prefix's
 * full 64-byte blocks are compressed once and the state reused for every applicant, and no
 * call allocates, which a general-purpose hasher (one object and its buffers per message)
 * cannot do. The output is plain SHA-256: tests check it against node:crypto for every
 * message length around the block boundaries, and the lottery rule stays the one anyone
 * recomputes with `sha256sum`.
 */

// prettier-ignore
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The initial state H(0). */
export const SHA256_IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** Compresses the 64-byte block at `bytes[at]` into `state` (8 words), in place. */
export function compressBlock(state: Int32Array, bytes: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++, at += 4) W[t] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Compresses the rest of a message into `state`: `buffer[0 … length)` are the bytes after the
 * blocks already in `state`, `totalLength` the whole message's length in bytes. The padding
 * is written into `buffer` after `length`, so it needs 72 bytes of room past it.
 */
export function finishMessage(state: Int32Array, buffer: Uint8Array, length: number, totalLength: number): void {
  const full = length - (length % 64);
  for (let at = 0; at < full; at += 64) compressBlock(state, buffer, at);
  let end = length;
  buffer[end++] = 0x80;
  const last = full + (length - full + 9 <= 64 ? 64 : 128);
  while (end < last - 8) buffer[end++] = 0;
  // Length in bits, 64-bit big-endian.
  const bits = totalLength * 8;
  const high = Math.floor(bits / 2 ** 32);
  buffer[last - 8] = high >>> 24;
  buffer[last - 7] = (high >>> 16) & 0xff;
  buffer[last - 6] = (high >>> 8) & 0xff;
  buffer[last - 5] = high & 0xff;
  buffer[last - 4] = (bits >>> 24) & 0xff;
  buffer[last - 3] = (bits >>> 16) & 0xff;
  buffer[last - 2] = (bits >>> 8) & 0xff;
  buffer[last - 1] = bits & 0xff;
  for (let at = full; at < last; at += 64) compressBlock(state, buffer, at);
}

/** The state as 64 lowercase hex digits. */
export function stateHex(state: Int32Array): string {
  let hex = "";
  for (let i = 0; i < 8; i++) hex += (state[i]! >>> 0).toString(16).padStart(8, "0");
  return hex;
}

/** SHA-256 of `buffer[0 … length)` as hex; the buffer needs 72 bytes of room past `length`. */
export function sha256HexInPlace(buffer: Uint8Array, length: number): string {
  const state = SHA256_IV.slice();
  finishMessage(state, buffer, length, length);
  return stateHex(state);
}
