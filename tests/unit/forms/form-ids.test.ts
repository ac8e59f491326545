import { describe, expect, it } from "vitest";
import { fieldErrorId, fieldId } from "../../../src/forms/field-ids";

describe("field ids from schema paths", () => {
  it("turn a zod path into an HTML id and its error id", () => {
    expect(fieldId("guardians.0.phone")).toBe("field-guardians-0-phone");
    expect(fieldErrorId("guardians.0.phone")).toBe("field-guardians-0-phone-error");
    expect(fieldId("child.idNumber")).toBe("field-child-idNumber");
  });

  it("never produce characters that would break an id or a #link", () => {
    expect(fieldId('a b"<c>.1')).toBe("field-a-b-c-1");
    expect(fieldId("")).toBe("field-form");
  });
});
