/**
 * Issue 16 item 6: the one step rule both paths follow (src/forms/enrolment/form-steps).
 */
import { describe, expect, it } from "vitest";
import { decideStep, FORM_STEPS, stepIndexOf } from "../../../src/forms/enrolment/form-steps";
import { stepFormHtml } from "../../../src/forms/enrolment/application-form";
import { committedCatalogue, validApplication } from "../../fixtures/enrolment";

describe("decideStep", () => {
  it("shows the next group when this one is good, and only this group's errors when not", async () => {
    const catalogue = await committedCatalogue();
    expect(decideStep(catalogue, { step: "grade", grade: "1" })).toEqual({ kind: "show", step: 1, errors: [] });
    const blank = decideStep(catalogue, { step: "child", grade: "1", child: { name: "", idNumber: "", sex: "", birthDate: "", hukouPlace: "" } });
    expect(blank.kind === "show" && blank.errors.map((e) => e.path)).toEqual(["child.name", "child.idNumber", "child.sex", "child.birthDate", "child.hukouPlace"]);
  });

  it("after the last group returns the checked draft, or sends the family to the group a cross-check names", async () => {
    const catalogue = await committedCatalogue();
    const { consents: _c, ...answers } = validApplication();
    const done = decideStep(catalogue, { ...answers, step: "specialNeeds" });
    expect(done.kind).toBe("check");
    const wrongSchool = decideStep(catalogue, { ...answers, preferences: ["wenchang-zhongxue-junior"], step: "specialNeeds" });
    expect(wrongSchool).toEqual({ kind: "show", step: stepIndexOf("preferences"), errors: [{ path: "preferences.0", message: "请从本年级的学校列表中选择" }] });
    expect(decideStep(catalogue, { ...answers, step: "child", return: "check" }).kind).toBe("check");
    expect(decideStep(catalogue, { step: "permit", nav: "back" })).toEqual({ kind: "show", step: 2, errors: [] });
  });

  it("renders a group page with 继续 before 上一步 and the others' answers hidden", async () => {
    const catalogue = await committedCatalogue();
    const { consents: _c, ...answers } = validApplication();
    const html = String(stepFormHtml(catalogue, answers, [], 1, "/x"));
    expect(html.indexOf('value="next"')).toBeLessThan(html.indexOf('value="back"'));
    expect(html).toContain(`第2步，共${FORM_STEPS.length}步：孩子的信息`);
    expect(html).toContain('<input type="hidden" name="guardians.0.phone" value="13812345678" />');
    expect(html).not.toMatch(/type="hidden" name="child\./);
    expect(String(stepFormHtml(catalogue, {}, [], 0, "/x"))).not.toContain('value="back"');
  });
});
