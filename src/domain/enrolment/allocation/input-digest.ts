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
import { sha256HexInPlace } from "./block-hash";

type Market = {
  programs: { id: string; seats: number }[];
  applicants: { id: string; points: number; choices: { program: string; tier: string }[] }[];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const encoder = new TextEncoder();

/**
 * Writes the canonical JSON straight into bytes, without building the nested arrays or the
 * string first: ids of the schema and the tiers are plain ASCII that JSON writes as they are
 * (anything else goes through JSON.stringify and UTF-8, so the bytes are always exactly
 * UTF-8(JSON.stringify(canonical))), and a number is written as JSON writes it.
 */
class CanonicalBytes {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n + 72 <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n + 72));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Raw ASCII text (JSON punctuation, numbers, plain strings). */
  ascii(text: string): void {
    this.room(text.length);
    const { bytes } = this;
    let at = this.length;
    for (let j = 0; j < text.length; j++) bytes[at++] = text.charCodeAt(j);
    this.length = at;
  }

  string(value: string): void {
    for (let j = 0; j < value.length; j++) {
      const unit = value.charCodeAt(j);
      if (unit < 0x20 || unit > 0x7e || unit === 0x22 || unit === 0x5c) return this.escaped(JSON.stringify(value));
    }
    this.room(value.length + 2);
    this.bytes[this.length++] = 0x22;
    this.ascii(value);
    this.bytes[this.length++] = 0x22;
  }

  number(value: number): void {
    this.ascii(JSON.stringify(value) ?? "null");
  }

  private escaped(json: string): void {
    const utf8 = encoder.encode(json);
    this.room(utf8.length);
    this.bytes.set(utf8, this.length);
    this.length += utf8.length;
  }
}

/** Indices of the list in id order (stable for equal ids, as a stable sort by id would give). */
function idOrder(list: { id: string }[], known?: Map<string, number>): number[] {
  const ids = list.map((x) => x.id);
  let position = known;
  if (position === undefined) {
    position = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) position.set(ids[i]!, i);
  }
  // Unique ids (always, after validation): the engine's own string sort, no comparator calls.
  if (position.size === ids.length && ids.every((id) => typeof id === "string")) return ids.sort().map((id) => position.get(id)!);
  return list.map((x, i) => ({ x, i })).sort((a, b) => byId(a.x, b.x)).map((e) => e.i);
}

/** `indices`: the lists' id → position maps when the caller has them (unique ids). */
export function inputDigest(market: Market, indices?: { programIndex: Map<string, number>; applicantIndex: Map<string, number> }): string {
  const out = new CanonicalBytes();
  out.ascii('{"programs":[');
  idOrder(market.programs, indices?.programIndex).forEach((p, n) => {
    const program = market.programs[p]!;
    out.ascii(n === 0 ? "[" : ",[");
    out.string(program.id);
    out.ascii(",");
    out.number(program.seats);
    out.ascii("]");
  });
  out.ascii('],"applicants":[');
  idOrder(market.applicants, indices?.applicantIndex).forEach((i, n) => {
    const a = market.applicants[i]!;
    out.ascii(n === 0 ? "[" : ",[");
    out.string(a.id);
    out.ascii(",");
    out.number(a.points);
    out.ascii(",[");
    a.choices.forEach((c, k) => {
      out.ascii(k === 0 ? "[" : ",[");
      out.string(c.program);
      out.ascii(",");
      out.string(c.tier);
      out.ascii("]");
    });
    out.ascii("]]");
  });
  out.ascii("]}");
  return sha256HexInPlace(out.bytes, out.length);
}
