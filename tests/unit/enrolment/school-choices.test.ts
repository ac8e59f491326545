/**
 * Issue 16 item 4: a family may rank every section that serves its grade (no cap, in the
 * schema and on the form), lists are filtered by grade with the catchment school first, and
 * the form says why ranking truthfully is safe.
 */
import { describe, expect, it } from "vitest";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import { sectionsForGrade } from "../../../src/domain/enrolment/catalogue";
import { HONEST_RANKING, maxPreferences, schoolChoices } from "../../../src/domain/enrolment/school-choices";
import { applicationFormHtml, chineseOrdinal } from "../../../src/forms/enrolment/application-form";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { committedCatalogue, validApplication } from "../../fixtures/enrolment";

describe("ranking every school of the grade", () => {
  it("accepts a list of every grade-1 section, and refuses one more or a school of another grade", async () => {
    const catalogue = await committedCatalogue();
    const all = sectionsForGrade(catalogue, "1").map((s) => s.id);
    expect(all.length).toBe(15);
    const schema = applicationSchema(catalogue);
    const a = validApplication();
    a.preferences = [...all].reverse();
    expect(schema.safeParse(a).success).toBe(true);
    a.preferences = [...all, all[0]!];
    const dup = schema.safeParse(a);
    expect(dup.success).toBe(false);
    a.preferences = [...all.slice(0, 4), "wenchang-zhongxue-junior"];
    expect(fieldErrorsOf(schema.safeParse(a).error!)).toEqual([{ path: "preferences.4", message: "请从本年级的学校列表中选择" }]);
  });

  it("lists the grade's schools with the community's catchment school first", async () => {
    const catalogue = await committedCatalogue();
    const community = catalogue.areas[0]!.communities[0]!;
    const catchment = community.catchment["1"]!;
    const list = schoolChoices(catalogue, "1", { area: catalogue.areas[0]!.id, community: community.id });
    expect(list.map((s) => s.id).slice(0, catchment.length)).toEqual(catchment);
    expect(list.filter((s) => s.catchment).map((s) => s.id)).toEqual(catchment);
    expect(list.every((s) => s.grade === "1")).toBe(true);
    expect(new Set(list.map((s) => s.id)).size).toBe(sectionsForGrade(catalogue, "1").length);
  });

  it("renders one select per school of the chosen grade, only that grade's schools, catchment first and marked", async () => {
    const catalogue = await committedCatalogue();
    const area = catalogue.areas[0]!;
    const community = area.communities[0]!;
    const html = String(applicationFormHtml(catalogue, { grade: "7", address: { area: area.id, community: community.id } }, [], "/x"));
    const selects = html.match(/name="preferences\.\d+"/g)!;
    expect(selects).toHaveLength(sectionsForGrade(catalogue, "7").length);
    expect(html).not.toContain('value="wenchang-xiaoxue-primary"');
    const first = /<select[^>]*name="preferences\.0"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
    const firstSchool = /<option value="([^"]+)"/.exec(first.replace(/<option value=""[^>]*>[^<]*<\/option>/, ""))![1];
    expect(firstSchool).toBe(community.catchment["7"]![0]);
    expect(first).toContain("（施教区学校）");
    expect(html).toContain(HONEST_RANKING);
    expect(html).toContain("第十五志愿（选填）".replace("十五", chineseOrdinal(sectionsForGrade(catalogue, "7").length)));
  });

  it("without a grade, offers as many selects as the longest grade's list", async () => {
    const catalogue = await committedCatalogue();
    const html = String(applicationFormHtml(catalogue, {}, [], "/x"));
    expect(html.match(/name="preferences\.\d+"/g)).toHaveLength(maxPreferences(catalogue));
    expect([1, 10, 12, 20, 24].map(chineseOrdinal)).toEqual(["一", "十", "十二", "二十", "二十四"]);
  });
});
