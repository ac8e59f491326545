import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { DomainError } from "../../../src/domain/errors";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "../../../src/domain/uploads";
import { inspectUpload } from "../../../functions/services/uploads/internal/inspect-upload";
import { concatBytes, JPEG_KEPT, jpegWithMetadata, minimalPdf, pngWithMetadata } from "../../fixtures/upload-files";

const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

async function refusal(fileName: string, bytes: Uint8Array) {
  const error = await inspectUpload({ path: "documents.0", fileName, bytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  expect(e.code).toBe("validation");
  expect(e.fields).toHaveLength(1);
  expect(e.fields[0]!.path).toBe("documents.0");
  return e.fields[0]!.message;
}

function pngChunkTypes(bytes: Uint8Array): string[] {
  const types: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 8; pos < bytes.length; pos += 12 + view.getUint32(pos)) types.push(text(bytes.subarray(pos + 4, pos + 8)));
  return types;
}

describe("inspecting uploads", () => {
  it("strips tEXt, eXIf, iTXt and tIME from a PNG and keeps the picture", async () => {
    const input = pngWithMetadata();
    expect(text(input)).toContain("39.9042");
    const out = await inspectUpload({ path: "documents.0", fileName: "户口本.png", bytes: input });
    expect(out.kind).toBe("png");
    expect(out.contentType).toBe("image/png");
    expect(pngChunkTypes(out.bytes)).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
    expect(text(out.bytes)).not.toContain("39.9042");
    // The image data still decodes to the same pixels.
    const view = new DataView(out.bytes.buffer, out.bytes.byteOffset);
    const idatAt = 8 + 25 + 21; // after IHDR (13+12) and pHYs (9+12)
    expect(text(out.bytes.subarray(idatAt + 4, idatAt + 8))).toBe("IDAT");
    const idat = out.bytes.subarray(idatAt + 8, idatAt + 8 + view.getUint32(idatAt));
    expect(Array.from(inflateSync(idat))).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 255, 255, 255]);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.originalName).toBe("户口本.png");
  });

  it("strips Exif (with GPS), XMP, Photoshop and comment segments and trailing bytes from a JPEG", async () => {
    const out = await inspectUpload({ path: "documents.0", fileName: "居住证.JPG", bytes: jpegWithMetadata() });
    expect(out.kind).toBe("jpeg");
    expect(out.contentType).toBe("image/jpeg");
    const k = JPEG_KEPT;
    expect(out.bytes).toEqual(
      concatBytes(new Uint8Array([0xff, 0xd8]), k.app0, k.dqt, k.sof0, k.dht, k.sos, k.scan, new Uint8Array([0xff, 0xd9])),
    );
    for (const gone of ["GPS", "Exif", "xmpmeta", "8BIM", "taken at home", "appended secret"]) expect(text(out.bytes)).not.toContain(gone);
    expect(out.originalName).toBe("居住证.jpg");
  });

  it("accepts a PDF and keeps it byte for byte", async () => {
    const pdf = minimalPdf();
    const out = await inspectUpload({ path: "documents.1", fileName: "../../etc/证明.pdf", bytes: pdf });
    expect(out.kind).toBe("pdf");
    expect(out.contentType).toBe("application/pdf");
    expect(out.bytes).toEqual(pdf);
    expect(out.originalName).toBe("证明.pdf");
  });

  it("goes by content, not by name: a PNG named .pdf is a PNG, and HTML named .png is refused", async () => {
    const out = await inspectUpload({ path: "documents.0", fileName: "scan.pdf", bytes: pngWithMetadata() });
    expect(out.kind).toBe("png");
    expect(out.originalName).toBe("scan.png");
    expect(await refusal("photo.png", new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toBe(UPLOAD_MESSAGES.wrongType);
    // A GIF is a real image, but not one of the accepted kinds.
    expect(await refusal("a.jpg", new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"))).toBe(UPLOAD_MESSAGES.wrongType);
  });

  it("refuses an empty file and a file of 5 MB + 1 byte, but accepts exactly 5 MB", async () => {
    expect(await refusal("a.pdf", new Uint8Array())).toBe(UPLOAD_MESSAGES.empty);
    const pdf = minimalPdf();
    const padded = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(pdf.subarray(0, pdf.length - 6), 0); // header and body first…
      bytes.set(pdf.subarray(pdf.length - 6), size - 6); // …"%%EOF\n" last
      return bytes;
    };
    expect(await refusal("big.pdf", padded(MAX_UPLOAD_BYTES + 1))).toBe(UPLOAD_MESSAGES.tooBig);
    expect((await inspectUpload({ path: "d", fileName: "ok.pdf", bytes: padded(MAX_UPLOAD_BYTES) })).bytes.length).toBe(MAX_UPLOAD_BYTES);
  });

  it("refuses damaged files: a cut-off PNG, a PNG with a bad checksum, a JPEG without its end, a PDF without %%EOF", async () => {
    const png = pngWithMetadata();
    expect(await refusal("a.png", png.subarray(0, png.length - 20))).toBe(UPLOAD_MESSAGES.damaged);
    const badCrc = new Uint8Array(png);
    badCrc[30]! ^= 0xff; // inside IHDR's data
    expect(await refusal("a.png", badCrc)).toBe(UPLOAD_MESSAGES.damaged);
    const jpeg = jpegWithMetadata();
    expect(await refusal("a.jpg", jpeg.subarray(0, jpeg.length - 20))).toBe(UPLOAD_MESSAGES.damaged);
    const pdf = minimalPdf();
    expect(await refusal("a.pdf", pdf.subarray(0, pdf.length - 7))).toBe(UPLOAD_MESSAGES.damaged);
  });
});
