import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, fieldsOrMessage } from "../../../src/forms/field-errors";

const Guardian = z.strictObject({ guardians: z.array(z.strictObject({ phone: z.string().min(1, "请输入手机号码") })) });

describe("the one zod-issue → field-error mapping", () => {
  it("writes each issue's path with dots, as the field ids and the summary links read it", () => {
    const parsed = Guardian.safeParse({ guardians: [{ phone: "138" }, { phone: "" }] });
    expect(fieldErrorsOf(parsed.error!)).toEqual([{ path: "guardians.1.phone", message: "请输入手机号码" }]);
  });

  it("places a part-schema's paths inside the whole form with a prefix", () => {
    const parsed = z.strictObject({ declaration: z.literal("yes", { error: "请确认声明" }) }).safeParse({});
    expect(fieldErrorsOf(parsed.error!, "consents")).toEqual([{ path: "consents.declaration", message: "请确认声明" }]);
  });

  it("lists a refusal without field errors by its message alone", () => {
    expect(fieldsOrMessage({ message: "提交失败，请刷新页面后重试。" })).toEqual([{ path: "", message: "提交失败，请刷新页面后重试。" }]);
    expect(fieldsOrMessage({ message: "x", fields: [{ path: "code", message: "查询码不正确" }] })).toEqual([{ path: "code", message: "查询码不正确" }]);
  });
});
