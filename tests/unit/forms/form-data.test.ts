// formToObject builds the nested object from dotted names, within FORM_BOUNDS (issue 15 item 1).
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../src/domain/errors";
import { FORM_BOUNDS, formToObject, MALFORMED_FORM_MESSAGE } from "../../../src/forms/form-data";

const refused = (entries: [string, unknown][]) => {
  try {
    formToObject(entries);
  } catch (error) {
    return error instanceof DomainError && error.code === "validation" && error.message === MALFORMED_FORM_MESSAGE;
  }
  return false;
};

describe("formToObject", () => {
  it("builds objects and arrays from dotted names", () => {
    expect(formToObject([["grade", "1"], ["guardians.0.name", "张三"], ["guardians.1.name", "李四"], ["preferences.0", "a"], ["preferences.1", "b"]])).toEqual({
      grade: "1",
      guardians: [{ name: "张三" }, { name: "李四" }],
      preferences: ["a", "b"],
    });
  });

  it("accepts indices up to the bound, in any order, and refuses the one above it", () => {
    const upTo = (n: number) => Array.from({ length: n + 1 }, (_, i): [string, string] => [`p.${n - i}`, "x"]);
    expect((formToObject(upTo(FORM_BOUNDS.arrayIndex)).p as unknown[]).length).toBe(FORM_BOUNDS.arrayIndex + 1);
    expect(refused(upTo(FORM_BOUNDS.arrayIndex + 1))).toBe(true);
  });

  it("refuses a huge index at once (it used to stall the server) and a hole in an array", () => {
    const started = performance.now();
    expect(refused([["preferences.0", "x"], ["preferences.100000000", "y"]])).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused([["preferences.0", "x"], ["preferences.2", "y"]])).toBe(true);
  });

  it("refuses a word used as an array index (length would size the array)", () => {
    expect(refused([["preferences.0", "x"], ["preferences.length", "100000000"]])).toBe(true);
  });

  it("refuses too many fields, a name too long and a name too deep, each at its boundary", () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`f${i}`, "x"]);
    expect(refused(fields(FORM_BOUNDS.fields))).toBe(false);
    expect(refused(fields(FORM_BOUNDS.fields + 1))).toBe(true);
    expect(refused([["n".repeat(FORM_BOUNDS.nameLength), "x"]])).toBe(false);
    expect(refused([["n".repeat(FORM_BOUNDS.nameLength + 1), "x"]])).toBe(true);
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`).join(".");
    expect(refused([[deep(FORM_BOUNDS.depth), "x"]])).toBe(false);
    expect(refused([[deep(FORM_BOUNDS.depth + 1), "x"]])).toBe(true);
  });

  it("refuses a prototype's name or an empty segment, and never writes to a prototype", () => {
    for (const name of ["__proto__.polluted", "a.constructor.prototype.polluted", "a..b", "", ".x"]) expect(refused([[name, "x"]]), name).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(formToObject([["toString.x", "z"]])).toEqual({ toString: { x: "z" } });
  });
});
