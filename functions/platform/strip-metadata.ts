/**
 * Removes metadata from uploaded images without re-encoding them (SECURITY.md item 6: a
 * phone photo's EXIF GPS gives away a child's home). A JPEG is walked segment by segment and
 * a PNG chunk by chunk; only what is needed to draw the picture is kept (an allow-list, so an
 * unknown or future metadata block is dropped too). Walking the container is a few dozen
 * lines and runs unchanged on Node, workerd and in the browser; the maintained pure-JS
 * libraries found either only read metadata (exifr) or re-encode pixels (jimp, with a large
 * decoder and quality loss), and native ones (sharp) do not run in a Worker. The walk also
 * proves the structure is sound: a truncated or malformed file throws DamagedFileError.
 * Known cost: dropping EXIF also drops its Orientation tag, so a sideways phone photo may
 * display sideways to staff (the viewer offers rotation; re-encoding would fix it at a cost).
 */

export class DamagedFileError extends Error {
  override name = "DamagedFileError";
}

/* JPEG: markers kept outside the entropy-coded data. APP0 (JFIF), APP2 only for an ICC
 * profile, APP14 (Adobe colour transform) are needed to show the colours right; every other
 * APPn (APP1 Exif/XMP, APP13 Photoshop/IPTC, …) and COM are dropped. */
const ICC_PROFILE = "ICC_PROFILE\u0000";

function isKeptJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker >= 0xe0 && marker <= 0xef) {
    if (marker === 0xe0 || marker === 0xee) return true;
    if (marker === 0xe2) return String.fromCharCode(...payload.subarray(0, ICC_PROFILE.length)) === ICC_PROFILE;
    return false;
  }
  return true;
}

export function stripJpeg(input: Uint8Array): Uint8Array {
  if (input[0] !== 0xff || input[1] !== 0xd8) throw new DamagedFileError("not a JPEG");
  const out: Uint8Array[] = [input.subarray(0, 2)];
  let pos = 2;
  let sawFrame = false;
  let sawScan = false;
  while (pos < input.length) {
    if (input[pos] !== 0xff) throw new DamagedFileError("expected a JPEG marker");
    let marker = input[pos + 1];
    // Fill bytes (0xFF repeated) may precede a marker.
    while (marker === 0xff) marker = input[++pos + 1];
    if (marker === undefined) break;
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) throw new DamagedFileError("JPEG ends before any image data");
      out.push(new Uint8Array([0xff, 0xd9])); // EOI: anything appended after the image is dropped
      return concat(out);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(input.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > input.length) throw new DamagedFileError("JPEG segment cut short");
    const length = (input[pos + 2]! << 8) | input[pos + 3]!;
    const end = pos + 2 + length;
    if (length < 2 || end > input.length) throw new DamagedFileError("JPEG segment cut short");
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) sawFrame = true;
    if (isKeptJpegSegment(marker, input.subarray(pos + 4, end))) out.push(input.subarray(pos, end));
    pos = end;
    if (marker === 0xda) {
      sawScan = true;
      // Entropy-coded data runs to the next marker that is not stuffing (FF00) or a restart (FFD0–D7).
      const start = pos;
      while (pos + 1 < input.length) {
        if (input[pos] === 0xff) {
          const next = input[pos + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        pos++;
      }
      if (pos + 1 >= input.length) throw new DamagedFileError("JPEG image data cut short");
      out.push(input.subarray(start, pos));
    }
  }
  throw new DamagedFileError("JPEG has no end marker");
}

/* PNG: critical chunks plus the ancillary ones that affect how pixels look. eXIf, tEXt,
 * zTXt, iTXt, tIME and anything unknown are dropped. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEPT_PNG_CHUNKS = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function stripPng(input: Uint8Array): Uint8Array {
  if (!PNG_SIGNATURE.every((b, i) => input[i] === b)) throw new DamagedFileError("not a PNG");
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const out: Uint8Array[] = [input.subarray(0, 8)];
  let pos = 8;
  let first = true;
  let sawData = false;
  while (pos + 12 <= input.length) {
    const length = view.getUint32(pos);
    const end = pos + 12 + length;
    if (end > input.length) throw new DamagedFileError("PNG chunk cut short");
    const type = String.fromCharCode(...input.subarray(pos + 4, pos + 8));
    if (crc32(input.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      throw new DamagedFileError("PNG chunk checksum mismatch");
    }
    if (first && type !== "IHDR") throw new DamagedFileError("PNG does not start with IHDR");
    first = false;
    if (type === "IDAT") sawData = true;
    if (KEPT_PNG_CHUNKS.has(type)) out.push(input.subarray(pos, end));
    pos = end;
    if (type === "IEND") {
      if (!sawData) throw new DamagedFileError("PNG has no image data");
      return concat(out); // anything appended after IEND is dropped
    }
  }
  throw new DamagedFileError("PNG has no end chunk");
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
