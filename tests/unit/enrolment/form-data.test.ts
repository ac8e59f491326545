import { DomainError } from "../../../src/domain/errors";
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

  it("ignores files and refuses prototype-polluting names without polluting", () => {
    expect(formToObject([["doc", new Blob(["x"])]])).toEqual({});
    expect(() => formToObject([["__proto__.status", "offered"]])).toThrow(DomainError);
    expect(() => formToObject([["a.constructor.x", "1"]])).toThrow(DomainError);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});
