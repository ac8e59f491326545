/**
 * A PDF file from its objects' bodies, written the one way the test and bench fixtures need:
 * the header, each object numbered from 1, a cross-reference table with the real byte
 * offsets, and the trailer naming object 1 as the catalog. ASCII in, ASCII out, so
 * characters are bytes. Shared by tests/fixtures/upload-files.ts and bench/fixtures/documents.ts.
 */
export function pdfFromObjects(objects: readonly string[]): string {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return out;
}
