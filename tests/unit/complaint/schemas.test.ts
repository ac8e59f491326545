import { describe, expect, it } from "vitest";
import { DecideInput, ExtendInput, SubmitComplaintInput, TrackInput } from "../../../src/domain/complaint/schemas";

const base = { category: "fees", school: "shiyan-xiaoxue", whatHappened: "开学时班主任要求每人交300元资料费，没有收据。", happenedOn: "2026-09-01" };

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("the complaint submission schema", () => {
  it("accepts an anonymous complaint and drops a stray name and phone", () => {
    const r = SubmitComplaintInput.parse({ ...base, contactMode: "anonymous", name: "张三", phone: "13800138000" });
    expect(r.contact).toEqual({ mode: "anonymous" });
    expect(r.publishConsent).toBe(false);
  });
  it("reads a no-JavaScript form post: blank fields are absent, checkboxes are 'on'", () => {
    const r = SubmitComplaintInput.parse({ ...base, contactMode: "named", name: "李四", phone: "", email: "li@example.com", departmentMayContact: "on", publishConsent: "on" });
    expect(r.contact).toEqual({ mode: "named", name: "李四", phone: null, email: "li@example.com", departmentMayContact: true });
    expect(r.publishConsent).toBe(true);
  });
  it("asks a named filer for a name and a phone or e-mail, on those fields", () => {
    const r = SubmitComplaintInput.safeParse({ ...base, contactMode: "named" });
    expect(paths(r)).toEqual(["name", "phone"]);
    expect(r.error!.issues[1]!.message).toContain("手机号码或电子邮箱");
  });
  it("names each missing or wrong field in Chinese", () => {
    const r = SubmitComplaintInput.safeParse({ category: "nonsense", school: "<b>", whatHappened: "太短", happenedOn: "2026-02-30", contactMode: "x" });
    expect(paths(r).sort()).toEqual(["category", "contactMode", "happenedOn", "school", "whatHappened"]);
    expect(r.error!.issues.find((i) => i.path[0] === "happenedOn")!.message).toContain("存在的日期");
  });
  it("gives one message per field: an empty school or date asks for it, a malformed date says the format", () => {
    const r = SubmitComplaintInput.safeParse({ ...base, school: "", happenedOn: "", contactMode: "anonymous" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["school", "请选择学校，或选择“不针对某一所学校”"],
      ["happenedOn", "请填写事情发生的日期"],
    ]);
    const f = SubmitComplaintInput.safeParse({ ...base, happenedOn: "9/1", contactMode: "anonymous" });
    expect(f.error!.issues.map((i) => i.message)).toEqual(["请按年-月-日填写日期，例如2026-09-01"]);
  });

  it("refuses fields a filer may not set", () => {
    const r = SubmitComplaintInput.safeParse({ ...base, contactMode: "anonymous", status: "closed", department: "caizheng-ju" });
    expect(r.success).toBe(false);
  });
});

describe("the other inputs", () => {
  it("normalises a reference and insists on its format", () => {
    expect(TrackInput.parse({ reference: " ts2026-00007 ", code: "x" }).reference).toBe("TS2026-00007");
    expect(TrackInput.safeParse({ reference: "RX2026-00007", code: "x" }).success).toBe(false);
  });
  it("requires a reason to refuse a case", () => {
    expect(DecideInput.safeParse({ decision: "not_accept" }).error!.issues[0]!.path).toEqual(["reason"]);
    expect(DecideInput.safeParse({ decision: "accept" }).success).toBe(true);
  });
  it("caps an extension at 30 days", () => {
    expect(ExtendInput.safeParse({ days: 31, notice: "需要调取更多记录" }).success).toBe(false);
    expect(ExtendInput.parse({ days: "30", notice: "需要调取更多记录" }).days).toBe(30);
  });
});
