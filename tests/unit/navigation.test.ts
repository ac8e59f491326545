import { describe, expect, it } from "vitest";
import { currentNavItem, ENTRY_POINTS, MAIN_NAV } from "../../src/lib/navigation";

describe("the navigation", () => {
  it("links the scorecard sections and the open data", () => {
    const hrefs = MAIN_NAV.map((i) => i.href);
    for (const href of ["/policy/", "/departments/", "/commitments/", "/schools/", "/balance/", "/data/", "/search/"]) expect(hrefs).toContain(href);
  });

  it("marks the section a page belongs to, and none on the home page", () => {
    expect(currentNavItem("/commitments/status/done/")?.label).toBe("承诺落实");
    expect(currentNavItem("/policy/4/")?.label).toBe("政策原文");
    expect(currentNavItem("/search")?.label).toBe("搜索");
    expect(currentNavItem("/")).toBeUndefined();
  });

  it("links every service: enrolment, complaints and tracking", () => {
    expect(ENTRY_POINTS.find((e) => e.title === "随迁子女入学申请")?.href).toBe("/enrol/");
    expect(ENTRY_POINTS.find((e) => e.title === "投诉举报")?.href).toBe("/complain/");
    expect(ENTRY_POINTS.find((e) => e.title === "办理进度查询")?.href).toBe("/track/");
    expect(ENTRY_POINTS.filter((e) => !e.href)).toEqual([]);
  });
});
