// The home page's status lines (issue 18 item 3): each phase of the committed intake at its
// boundaries (the first and last day of the window, the day before the allocation, the offer
// deadline), the date each line holds until, and the pinned build date.
import { describe, expect, it } from "vitest";
import { buildDate, complaintStatus, intakeStatus } from "../../src/lib/service-status";
import { committedCatalogue } from "../fixtures/enrolment";

describe("the intake's status line", async () => {
  const { intake } = await committedCatalogue();
  const at = (day: string) => intakeStatus(intake, day);

  it("says the window is open, with its closing date, from the first to the last day", () => {
    expect(at("2026-12-03").line).toBe("2027年秋季入学申请：开放中，2027年3月31日截止");
    expect(at("2026-11-01").phase).toBe("open");
    expect(at("2027-03-31").phase).toBe("open");
    expect(at("2026-12-03").until).toBe("2027-03-31");
  });

  it("says when it opens the day before, and holds until that day", () => {
    expect(at("2026-10-31")).toMatchObject({ phase: "upcoming", words: "尚未开始，2026年11月1日开始申请", until: "2026-10-31" });
  });

  it("after the window: review, then offers until the deadline, then closed", () => {
    expect(at("2027-04-01")).toMatchObject({ phase: "reviewing", until: "2027-05-14" });
    expect(at("2027-04-01").words).toContain("2027年5月15日公布分配结果");
    expect(at("2027-05-15").phase).toBe("offers");
    expect(at("2027-05-31").words).toBe("分配结果已公布，请在2027年5月31日前接受或放弃学位");
    expect(at("2027-06-01")).toMatchObject({ phase: "closed", until: null });
  });

  it("complaints are received all year with the acceptance deadline", () => {
    expect(complaintStatus().line).toBe("全年受理，可以匿名，15日内告知是否受理");
  });
});

describe("the build date", () => {
  it("is the Beijing date: 16:00 UTC is already the next day", () => {
    expect(buildDate({}, new Date("2026-12-03T16:00:00Z"))).toBe("2026-12-04");
    expect(buildDate({}, new Date("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  });

  it("can be pinned with SITE_BUILD_DATE, and a malformed pin fails the build", () => {
    expect(buildDate({ SITE_BUILD_DATE: "2027-04-01" })).toBe("2027-04-01");
    expect(() => buildDate({ SITE_BUILD_DATE: "1 April" })).toThrow(/YYYY-MM-DD/);
  });
});
