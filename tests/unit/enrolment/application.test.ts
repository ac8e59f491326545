import { describe, expect, it } from "vitest";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { committedCatalogue, fakeIdNumber, validApplication } from "../../fixtures/enrolment";

async function problems(change: (a: ReturnType<typeof validApplication>) => unknown) {
  const schema = applicationSchema(await committedCatalogue());
  const input = validApplication();
  const changed = (change(input) ?? input) as unknown;
  const parsed = schema.safeParse(changed);
  return parsed.success ? [] : fieldErrorsOf(parsed.error);
}

describe("the application schema", () => {
  it("accepts the fixture's complete application", async () => {
    expect(await problems(() => undefined)).toEqual([]);
  });

  it("says what to do when the child's ID number has a wrong check character", async () => {
    const found = await problems((a) => void (a.child.idNumber = a.child.idNumber.slice(0, 17) + (a.child.idNumber.endsWith("1") ? "2" : "1")));
    expect(found).toEqual([{ path: "child.idNumber", message: expect.stringContaining("校验位") }]);
  });

  it("flags an ID number whose birth date or sex disagrees with the declared ones", async () => {
    expect(await problems((a) => void (a.child.birthDate = "2020-05-18"))).toEqual([{ path: "child.idNumber", message: expect.stringContaining("出生日期") }]);
    expect(await problems((a) => void (a.child.sex = "male"))).toEqual([{ path: "child.idNumber", message: expect.stringContaining("性别") }]);
  });

  it("refuses unknown fields (no mass assignment of a status)", async () => {
    const found = await problems((a) => ({ ...a, status: "offered" }));
    expect(found.length).toBe(1);
  });

  it("refuses a community that is not in the chosen township and a school of another grade", async () => {
    expect(await problems((a) => void (a.address.community = "chengnan-shequ"))).toEqual([{ path: "address.community", message: expect.any(String) }]);
    expect(await problems((a) => void (a.preferences = ["wenchang-zhongxue-junior"]))).toEqual([{ path: "preferences.0", message: "请从本年级的学校列表中选择" }]);
  });

  it("takes distinct preferences (no cap: issue 16 item 4) and drops the empty selects of a form", async () => {
    expect(await problems((a) => void (a.preferences = ["wenchang-xiaoxue-primary", "", ""]))).toEqual([]);
    expect(await problems((a) => void (a.preferences = ["", "", ""]))).toEqual([{ path: "preferences", message: "请至少选择一所志愿学校" }]);
    expect(await problems((a) => void (a.preferences = ["wenchang-xiaoxue-primary", "wenchang-xiaoxue-primary"]))).toEqual([{ path: "preferences", message: "同一所学校只能选择一次" }]);
    const four = ["wenchang-xiaoxue-primary", "dier-shiyan-xiaoxue-primary", "fuqian-xiaoxue-primary", "xinhua-xiaoxue-primary"];
    expect(await problems((a) => void (a.preferences = four))).toEqual([]);
  });

  it("needs the separate consent and a placement when special needs are declared", async () => {
    const found = await problems((a) => void (a.specialNeeds = { has: "yes", placement: "", details: "听力障碍", consent: "" }));
    expect(found.map((f) => f.path).sort()).toEqual(["specialNeeds.consent", "specialNeeds.placement"]);
  });

  it("refuses a submission without the guardian's consent or the declaration", async () => {
    const found = await problems((a) => ({ ...a, consents: {} }));
    expect(found.map((f) => f.path).sort()).toEqual(["consents.childData", "consents.declaration"]);
  });

  it("ignores a blank second guardian but checks a half-filled one", async () => {
    const blank = { name: "", relationship: "", idNumber: "", phone: "" };
    expect(await problems((a) => ({ ...a, guardians: [...a.guardians, blank] }))).toEqual([]);
    const half = { ...blank, name: "父亲", idNumber: fakeIdNumber("1988-01-01", "male") };
    const found = await problems((a) => ({ ...a, guardians: [...a.guardians, half] }));
    expect(found.map((f) => f.path).sort()).toEqual(["guardians.1.phone", "guardians.1.relationship"]);
  });

  it("does not turn eligibility into a form error: a too-young child still parses (staff decide)", async () => {
    const id = fakeIdNumber("2022-01-01", "female");
    expect(await problems((a) => void (a.child = { ...a.child, idNumber: id, birthDate: "2022-01-01" }))).toEqual([]);
  });
});
