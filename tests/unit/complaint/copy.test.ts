/** Issue 22 item 10: messages as whole sentences, the unknown-field error in plain Chinese, inclusive deadlines. */
import { describe, expect, it } from "vitest";
import { caseClocks } from "../../../src/domain/complaint/deadlines";
import { SubmitComplaintFields, TrackInput } from "../../../src/domain/complaint/schemas";
import { unknownFieldsMessage } from "../../../src/domain/zod";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.error?.issues ?? []).map((i) => i.message);

describe("complaint copy", () => {
  it("asks for what happened in a whole sentence, with no space around the number", () => {
    const r = SubmitComplaintFields.safeParse({ category: "fees", school: "none", whatHappened: "太短", happenedOn: "2026-09-01", contactMode: "anonymous" });
    expect(messages(r)).toContain("请至少用10个字写明发生了什么。");
  });
  it("names a field the form does not have in plain Chinese, not 键(key)", () => {
    const r = TrackInput.safeParse({ reference: "TS2026-00001", code: "AAAA", extra: "x" });
    expect(messages(r)).toEqual([unknownFieldsMessage(["extra"])]);
    expect(messages(r).join("")).not.toMatch(/键|key/);
  });
  it("writes due dates as inclusive: （含）前", () => {
    expect(caseClocks([{ kind: "submit", on: "2026-12-03" }], "2026-12-03").acceptance.words).toBe("还剩15天，2026年12月18日（含）前完成。");
  });
});
