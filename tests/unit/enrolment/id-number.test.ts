import { describe, expect, it } from "vitest";
import { checkCharacter, idNumberAgrees, parseIdNumber } from "../../../src/domain/enrolment/id-number";
import { fakeIdNumber } from "../../fixtures/enrolment";

describe("the GB 11643 ID number check", () => {
  it("accepts the standard's example 11010519491231002X and reads its birth date and sex", () => {
    const parsed = parseIdNumber("11010519491231002X");
    expect(parsed).toEqual({ ok: true, value: { id: "11010519491231002X", areaCode: "110105", birthDate: "1949-12-31", sex: "female" } });
  });

  it("accepts a lower-case x and spaces as people type them", () => {
    expect(parseIdNumber(" 110105 19491231 002x ").ok).toBe(true);
  });

  it("refuses a wrong check character", () => {
    expect(parseIdNumber("110105194912310021")).toEqual({ ok: false, problem: "check" });
    expect(parseIdNumber("110105194912310029")).toEqual({ ok: false, problem: "check" });
  });

  it("refuses impossible dates: 30 February, month 13, 29 February of a non-leap year", () => {
    for (const date of ["20200230", "20201301", "20190229", "18991231"]) {
      const first17 = `110105${date}002`;
      expect(parseIdNumber(first17 + checkCharacter(first17))).toEqual({ ok: false, problem: "date" });
    }
    const leap = "11010520200229002";
    expect(parseIdNumber(leap + checkCharacter(leap)).ok).toBe(true);
  });

  it("refuses the wrong length and letters in the middle", () => {
    expect(parseIdNumber("11010519491231002")).toEqual({ ok: false, problem: "format" });
    expect(parseIdNumber("1101051949123100AX")).toEqual({ ok: false, problem: "format" });
  });

  it("finds a birth date and sex that disagree with the declared ones", () => {
    const parsed = parseIdNumber(fakeIdNumber("2020-05-17", "male"));
    if (!parsed.ok) throw new Error("fixture ID should be valid");
    expect(idNumberAgrees(parsed.value, { birthDate: "2020-05-17", sex: "male" })).toEqual([]);
    expect(idNumberAgrees(parsed.value, { birthDate: "2020-05-18", sex: "male" })).toEqual(["birth_date"]);
    expect(idNumberAgrees(parsed.value, { birthDate: "2020-05-17", sex: "female" })).toEqual(["sex"]);
  });
});
