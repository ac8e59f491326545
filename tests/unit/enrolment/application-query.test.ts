/**
 * The review queue's reference search (issue 19): a reference is RX, the year and five digits
 * or more, as references are written past 99,999 applications a year (RX2026-100000); anything
 * shorter is refused with the Chinese message, not searched.
 */
import { describe, expect, it } from "vitest";
import { ApplicationQuery } from "../../../src/domain/enrolment/staff-schemas";

describe("the review queue's reference search", () => {
  it("takes five digits or more, and refuses fewer", () => {
    expect(ApplicationQuery.parse({ q: "RX2026-00042" }).q).toBe("RX2026-00042");
    expect(ApplicationQuery.parse({ q: "rx2026-100000" }).q).toBe("rx2026-100000");
    const short = ApplicationQuery.safeParse({ q: "RX2026-0042" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe("请输入完整的受理编号，例如RX2026-00001。");
  });
});
