import { describe, expect, it } from "vitest";
import { hashReceiptCode, newReceiptCode, normaliseReceiptCode } from "../../../functions/platform/receipt-code";

describe("receipt codes", () => {
  it("has 16 Crockford characters (80 bits) for applications and 26 (130 bits) for anonymous complaints, grouped by four", () => {
    const a = newReceiptCode(80);
    expect(a).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    const c = newReceiptCode(130);
    expect(c.replace(/-/g, "")).toHaveLength(26);
    expect(c).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
  });

  it("does not repeat and uses the whole alphabet", () => {
    const codes = Array.from({ length: 2000 }, () => newReceiptCode(80));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join("").replace(/-/g, "")).size).toBe(32);
  });

  it("normalises what people type: case, spaces, dashes, O→0 and I/L→1", async () => {
    expect(normaliseReceiptCode(" abcd-efgh ijkl-mnop ")).toBe("ABCDEFGH1JK1MN0P");
    expect(normaliseReceiptCode("o0Oi1Il")).toBe("0001111");
    const code = newReceiptCode(80);
    const typed = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(await hashReceiptCode(typed)).toBe(await hashReceiptCode(code));
    expect(await hashReceiptCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashReceiptCode(newReceiptCode(80))).not.toBe(await hashReceiptCode(code));
  });
});
