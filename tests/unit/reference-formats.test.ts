/**
 * A year's references run past 99,999 (TS2026-100000 follows TS2026-99999; the numbers are never
 * cut to five digits), so every public form that takes a reference must accept them: the
 * complaint tracking form and the enrolment "忘记查询码" form. The staff searches accept them
 * too (queue tests). Too short, a wrong prefix or a missing year is still refused.
 */
import { describe, expect, it } from "vitest";
import { Reference } from "../../src/domain/complaint/schemas";
import { RecoverCodeInput } from "../../src/domain/enrolment/recover-code";

describe("reference formats on the public forms", () => {
  it("accepts a complaint reference of five digits or more, and refuses the malformed", () => {
    for (const ok of ["TS2026-00007", "TS2026-100000", "ts2026-1234567"]) expect(Reference.safeParse(ok).success).toBe(true);
    for (const bad of ["TS2026-0007", "RX2026-00007", "TS26-00007", "TS2026-"]) expect(Reference.safeParse(bad).success).toBe(false);
  });

  it("accepts an application reference of five digits or more when recovering a code", () => {
    const phone = "13812345678";
    for (const ok of ["RX2026-00042", "RX2026-100042"]) expect(RecoverCodeInput.safeParse({ reference: ok, phone }).success).toBe(true);
    const bad = RecoverCodeInput.safeParse({ reference: "RX2026-0042", phone });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("受理编号的格式是RX加年份和至少5位数字，例如RX2026-00042");
  });
});
