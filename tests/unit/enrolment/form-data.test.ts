import { describe, expect, it } from "vitest";
import { formToObject } from "../../../src/forms/form-data";

describe("formToObject", () => {
  it("nests dotted names and makes arrays of numeric segments", () => {
    expect(formToObject([["child.name", "小明"], ["guardians.0.phone", "138"], ["preferences.1", "b"], ["preferences.0", "a"]])).toEqual({
      child: { name: "小明" },
      guardians: [{ phone: "138" }],
      preferences: ["a", "b"],
    });
  });

  it("ignores files and prototype-polluting names", () => {
    const result = formToObject([["__proto__.status", "offered"], ["a.constructor.x", "1"], ["doc", new Blob(["x"])]]);
    expect(result).toEqual({});
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});
