/**
 * Issue 16 item 5: "我家孩子能上哪所学校" gives, for a community, its catchment school(s) for
 * each grade with the scorecard link, this intake's seats and "暂无" for last intake; the
 * full list (the page without a script) covers every community once; the application form
 * takes township, community and grade from a link, and nothing it does not know.
 */
import { describe, expect, it } from "vitest";
import { catchmentOf } from "../../../src/domain/enrolment/school-choices";
import { LAST_INTAKE_UNKNOWN, whereAnswerHtml, whereListHtml } from "../../../src/forms/enrolment/where-view";
import { prefillOf } from "../../../src/forms/enrolment/prefill";
import { applicationFormHtml } from "../../../src/forms/enrolment/application-form";
import { committedCatalogue } from "../../fixtures/enrolment";

describe("where can my child go", () => {
  it("answers 文昌社区 with its catchment schools, scorecards, seats and an honest 暂无", async () => {
    const catalogue = await committedCatalogue();
    const answer = catchmentOf(catalogue, "wenchang")!;
    expect(answer.area.name).toBe("清溪街道");
    expect(answer.grades.map((g) => [g.grade, g.sections.map((s) => s.id)])).toEqual([
      ["1", ["dier-shiyan-xiaoxue-primary", "wenchang-xiaoxue-primary"]],
      ["7", ["wenchang-zhongxue-junior"]],
    ]);
    const html = String(whereAnswerHtml(catalogue, "wenchang", "1"));
    expect(html).toContain('href="/schools/dier-shiyan-xiaoxue-primary/"');
    expect(html).toContain("<td>12个</td>");
    expect(html).toContain(LAST_INTAKE_UNKNOWN);
    expect(html).not.toContain("wenchang-zhongxue-junior");
    expect(html).toContain('href="/enrol/apply/?grade=1&amp;area=qingxi&amp;community=wenchang"');
    expect(String(whereAnswerHtml(catalogue, "nowhere"))).toBe("");
  });

  it("lists every community exactly once when shown without a script, with no id repeated", async () => {
    const catalogue = await committedCatalogue();
    const html = String(whereListHtml(catalogue));
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const communities = catalogue.areas.flatMap((a) => a.communities.map((c) => c.id));
    expect(ids.filter((id) => id!.startsWith("community-")).sort()).toEqual(communities.map((c) => `community-${c}`).sort());
  });

  it("prefills the form's township, community and grade from a link, and drops what it does not know", async () => {
    const catalogue = await committedCatalogue();
    const values = prefillOf(catalogue, new URLSearchParams("grade=7&area=qingxi&community=wenchang&child.name=x"))!;
    expect(values).toEqual({ grade: "7", address: { area: "qingxi", community: "wenchang" } });
    const form = String(applicationFormHtml(catalogue, values, [], "/x"));
    expect(form).toMatch(/value="7"[^>]*checked/);
    expect(form).toMatch(/<option value="wenchang" selected>/);
    expect(prefillOf(catalogue, new URLSearchParams("grade=9&area=<b>&community=wenchang"))).toBeNull();
    expect(prefillOf(catalogue, new URLSearchParams("area=qingxi&community=chengnan-shequ"))).toEqual({ address: { area: "qingxi" } });
  });
});
