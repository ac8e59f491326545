import { describe, expect, it } from "vitest";
import { DomainError } from "../../../src/domain/errors";
import { assertNoHoneypot, HONEYPOT_MESSAGE } from "../../../functions/middleware/honeypot";
import { formToObject } from "../../../src/forms/form-data";

describe("the honeypot field", () => {
  it("left empty, is removed so the strict schema sees only real fields", () => {
    expect(assertNoHoneypot({ name: "张三", website: "" })).toEqual({ name: "张三" });
    expect(assertNoHoneypot({ name: "张三" })).toEqual({ name: "张三" });
    const form = new FormData();
    form.set("name", "张三");
    form.set("website", "");
    expect(assertNoHoneypot(formToObject(form))).toEqual({ name: "张三" });
  });

  it("filled in, refuses the submission with a generic 422 message", () => {
    const attempt = () => assertNoHoneypot({ name: "bot", website: "http://spam.example" });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(HONEYPOT_MESSAGE);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe("validation");
    }
    const form = new FormData();
    form.set("website", "x");
    expect(() => assertNoHoneypot(formToObject(form))).toThrow(HONEYPOT_MESSAGE);
  });
});
