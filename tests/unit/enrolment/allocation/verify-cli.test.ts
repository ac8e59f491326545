import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runVerifyAllocation } from "../../../../functions/cli/verify-allocation-command";
import { allocate, toPublished } from "../../../../src/domain/enrolment/allocation";

const dir = mkdtempSync(path.join(tmpdir(), "allocation-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
};
const published = toPublished(
  allocate({
    seed: "cli",
    programs: [{ id: "P1", label: "一小一年级", seats: 1 }],
    applicants: ["A", "B"].map((id) => ({ id, points: 0, choices: [{ program: "P1", tier: "other" as const }] })),
  }),
);

describe("npm run allocation:verify", () => {
  it("prints match and exits 0 for an untouched file", async () => {
    expect(await runVerifyAllocation(["--", write("ok.json", published)])).toEqual({ code: 0, lines: ["match: 重新计算的结果与公布结果一致（2名申请人、1个学位项目）。"] });
  });

  it("prints mismatch with the differences and exits 1 when an offer was changed", async () => {
    const swapped = { ...published, applicants: published.applicants.map((a) => ({ ...a, offer: a.offer === null ? "P1" : null })) };
    const { code, lines } = await runVerifyAllocation([write("bad.json", swapped)]);
    expect(code).toBe(1);
    expect(lines[0]).toBe("mismatch: 重新计算的结果与公布结果不一致，共2处差异（2名申请人、1个学位项目）：");
    expect(lines).toHaveLength(3);
  });

  it("exits 2 with a Chinese message for a missing argument, broken JSON or a file of another kind", async () => {
    expect((await runVerifyAllocation([])).code).toBe(2);
    const broken = await runVerifyAllocation([write("broken.json", "{")]);
    expect(broken.code).toBe(2);
    expect(broken.lines[0]).toMatch(/^无法读取JSON文件“/);
    const other = await runVerifyAllocation([write("other.json", { hello: 1 })]);
    expect(other.code).toBe(2);
    expect(other.lines[0]).toBe("文件不是有效的分配结果：");
  });
});
