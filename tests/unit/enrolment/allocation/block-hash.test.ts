import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lotteryDrawer } from "../../../../src/domain/enrolment/allocation/lottery";
import { sha256HexInPlace } from "../../../../src/domain/enrolment/allocation/block-hash";

const nodeHex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const lotteryOf = (message: string) => Number.parseInt(createHash("sha256").update(message, "utf8").digest("hex").slice(0, 13), 16) / 2 ** 52;

describe("the allocation's SHA-256", () => {
  it("equals node:crypto for every length from 0 to 300 bytes (each padding case around the block edges) and for 1 MB", () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
      const room = new Uint8Array(n + 72);
      room.set(bytes);
      room.fill(0xee, n); // stale bytes past the message must not leak into the hash
      expect(sha256HexInPlace(room, n), `length ${n}`).toBe(nodeHex(bytes));
    }
    const big = Uint8Array.from({ length: 1_000_003 }, (_, i) => (i * 7) & 0xff);
    const room = new Uint8Array(big.length + 72);
    room.set(big);
    expect(sha256HexInPlace(room, big.length)).toBe(nodeHex(big));
  });

  it("gives every lottery number node:crypto gives, for prefixes of every length across two blocks and ids of any length and script", () => {
    for (let s = 1; s <= 140; s++) {
      const seed = "种".repeat(s % 5) + "s".repeat(s);
      const draw = lotteryDrawer(seed);
      for (const id of ["A", "a".repeat(s % 65), "A_1.-z", "学生", "x".repeat(300), "B"]) expect(draw(id), `${seed}:${id}`).toBe(lotteryOf(`${seed}:${id}`));
    }
  });

  it("agrees with node:crypto on random seeds and ids, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200, unit: "binary" }), fc.array(fc.string({ maxLength: 80, unit: "binary" }), { maxLength: 8 }), (seed, ids) => {
        const draw = lotteryDrawer(seed);
        for (const id of ids) expect(draw(id)).toBe(lotteryOf(`${seed}:${id}`));
      }),
      { numRuns: 300 },
    );
  });
});
