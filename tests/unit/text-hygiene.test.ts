// The character rule of src/domain/text (issue 15 item 2), rule by rule with its boundaries,
// then a property: whatever the helpers accept is NFC and holds no control or bidi character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressText, longText, personName, plainText, TEXT_MESSAGES } from "../../src/domain/text";
import { SubmitComplaintInput } from "../../src/domain/complaint/schemas";
import { ChildPart } from "../../src/domain/enrolment/application";

const messageOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error!.issues[0]!.message;
};

describe("the text rule", () => {
  it("normalises to NFC (a decomposed é is stored composed)", () => {
    expect(plainText().parse("Cafe\u0301")).toBe("Caf\u00e9");
    expect(personName().parse("张\u0301三").normalize("NFC")).toBe(personName().parse("张\u0301三"));
  });

  it("refuses every C0 and C1 control and DEL, lets newline and tab through in long text only, and reads CR LF as LF", () => {
    for (const c of ["\u0000", "\u0001", "\u001b", "\u001f", "\u007f", "\u0080", "\u009f"]) {
      expect(messageOf(plainText(), `a${c}b`)).toBe(TEXT_MESSAGES.control);
      expect(messageOf(longText(), `a${c}b`)).toBe(TEXT_MESSAGES.control);
    }
    expect(messageOf(plainText(), "a\nb")).toBe(TEXT_MESSAGES.control);
    expect(messageOf(plainText(), "a\tb")).toBe(TEXT_MESSAGES.control);
    expect(longText().parse("第一行\r\n第二行\r第三行\n\t缩进")).toBe("第一行\n第二行\n第三行\n\t缩进");
    // The characters just outside the control ranges pass.
    expect(plainText().parse("\u0020\u007e\u00a0")).toBe("\u0020\u007e\u00a0");
  });

  it("refuses lone surrogates, high or low, and the replacement character they become in a form post; keeps a real pair (an emoji)", () => {
    expect(messageOf(plainText(), "a\ud800b")).toBe(TEXT_MESSAGES.unreadable);
    expect(messageOf(plainText(), "a\udfff")).toBe(TEXT_MESSAGES.unreadable);
    expect(messageOf(longText(), "\udc00")).toBe(TEXT_MESSAGES.unreadable);
    expect(messageOf(longText(), "乱码\ufffd")).toBe(TEXT_MESSAGES.unreadable);
    expect(longText().parse("好\ud83d\ude00")).toBe("好😀");
  });

  it("refuses bidirectional controls anywhere, and a value of nothing but zero-width characters", () => {
    for (const c of ["\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"]) expect(messageOf(plainText(), `名${c}字`)).toBe(TEXT_MESSAGES.bidi);
    for (const v of ["\u200b", "\u200b\u200c\u200d", " \u2060 ", "\u200b\ufeff"]) expect(messageOf(longText(), v)).toBe(TEXT_MESSAGES.invisible);
    // Zero-width characters inside real text are not refused by the general rule.
    expect(longText().parse("你好\u200b世界")).toBe("你好\u200b世界");
  });

  it("names: letters of any script, combining marks, spaces and the 间隔号 variants; nothing else", () => {
    for (const ok of ["张三", "买买提·艾力", "阿依古丽•买买提", "Anna Müller", "李‧四", "山田・太郎"]) expect(personName().parse(ok)).toBe(ok);
    for (const bad of ["张三1", "<b>", "王_五", "赵\u200b六", "a.b", "李四!"]) expect(messageOf(personName(), bad)).toBe(TEXT_MESSAGES.name);
  });

  it("addresses: letters, digits, spaces and address punctuation; nothing else", () => {
    for (const ok of ["安徽省阜阳市临泉县", "人民路 12-3 号（东门）3 栋 201 室", "建设路#5，A座/2单元：402。"]) expect(addressText().parse(ok)).toBe(ok);
    for (const bad of ["人民路<script>", "12号&13号", "路\u200b号", "\"引号\""]) expect(messageOf(addressText(), bad)).toBe(TEXT_MESSAGES.address);
  });

  it("is applied by the public schemas: a NUL for a child's name, zero-width complaint text, a bidi-only name", () => {
    const complaint = { category: "fees", school: "shiyan-xiaoxue", whatHappened: "开学时班主任要求每人交 300 元资料费。", happenedOn: "2026-08-30", contactMode: "anonymous" };
    expect(SubmitComplaintInput.safeParse(complaint).success).toBe(true);
    expect(messageOf(SubmitComplaintInput, { ...complaint, whatHappened: "\u200b".repeat(20) })).toBe(TEXT_MESSAGES.invisible);
    expect(messageOf(SubmitComplaintInput, { ...complaint, whatHappened: "开学时\u0000班主任要求每人交费。" })).toBe(TEXT_MESSAGES.control);
    expect(messageOf(SubmitComplaintInput, { ...complaint, contactMode: "named", name: "\u202e\u202e", phone: "13800138000" })).toBe(TEXT_MESSAGES.bidi);
    const child = ChildPart.safeParse({ name: "\u0000", idNumber: "", sex: "male", birthDate: "2020-01-01", hukouPlace: "\u2066" });
    expect(child.success).toBe(false);
    const messages = child.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain(`name: ${TEXT_MESSAGES.control}`);
    expect(messages).toContain(`hukouPlace: ${TEXT_MESSAGES.bidi}`);
  });
});

describe("any value the rule accepts", () => {
  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
  const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  // Strings mixing ordinary text with the characters the rule is about.
  const tricky = fc.constantFrom("\u0000", "\u001b", "\u007f", "\u0085", "\u200b", "\u200d", "\u202e", "\u2067", "\ud800", "\udc00", "e\u0301", "\r\n", "\t", "\ufeff", "·", "张", "a", " ", "1", "#");
  const values = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.array(tricky, { maxLength: 12 }).map((a) => a.join("")));

  it.each([
    ["plainText", plainText, false],
    ["longText", longText, true],
    ["personName", personName, false],
    ["addressText", addressText, false],
  ] as const)("by %s is NFC, and has no control, bidi or lone surrogate character", (_name, helper, lines) => {
    const schema = helper();
    fc.assert(
      fc.property(values, (value) => {
        const r = schema.safeParse(value);
        if (!r.success) return;
        expect(r.data.normalize("NFC")).toBe(r.data);
        expect(unsafe.test(r.data)).toBe(false);
        expect(loneSurrogate.test(r.data)).toBe(false);
        if (!lines) expect(/[\n\t]/.test(r.data)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
