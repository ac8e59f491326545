/**
 * The check-answers list (GOV.UK pattern): one row per answer with a label, the value as the
 * family will recognise it, and the field a change link goes to. Pure data, so the static
 * page's script and the API's no-JS answer render the same rows. ID numbers are shown in full
 * here (the family is checking its own typing) but masked on the printable record.
 */
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { communityOf, sectionName } from "../../domain/enrolment/catalogue";
import type { DraftInput } from "../../domain/enrolment/application";
import { GRADE_LABELS, PLACEMENT_LABELS, RELATIONSHIP_LABELS, SEX_LABELS, WORK_KIND_LABELS } from "../../domain/enrolment/vocabulary";
import { maskIdNumber, maskPhone } from "../../domain/masking";

export type AnswerRow = { label: string; value: string; path: string };
export type AnswerSection = { title: string; rows: AnswerRow[] };

export function answerSections(catalogue: Catalogue, a: DraftInput, o: { mask?: boolean } = {}): AnswerSection[] {
  const id = (v: string) => (o.mask ? maskIdNumber(v) : v);
  const phone = (v: string) => (o.mask ? maskPhone(v) : v);
  const area = catalogue.areas.find((x) => x.id === a.address.area);
  return [
    { title: "申请年级", rows: [{ label: "年级", value: GRADE_LABELS[a.grade], path: "grade" }] },
    {
      title: "孩子的信息",
      rows: [
        { label: "姓名", value: a.child.name, path: "child.name" },
        { label: "身份证号码", value: id(a.child.idNumber), path: "child.idNumber" },
        { label: "性别", value: SEX_LABELS[a.child.sex], path: "child.sex" },
        { label: "出生日期", value: a.child.birthDate, path: "child.birthDate" },
        { label: "户籍所在地", value: a.child.hukouPlace, path: "child.hukouPlace" },
      ],
    },
    ...a.guardians.map((g, i) => ({
      title: i === 0 ? "第一位监护人" : "第二位监护人",
      rows: [
        { label: "姓名", value: g.name, path: `guardians.${i}.name` },
        { label: "关系", value: RELATIONSHIP_LABELS[g.relationship], path: `guardians.${i}.relationship` },
        { label: "身份证号码", value: id(g.idNumber), path: `guardians.${i}.idNumber` },
        { label: "手机号码", value: phone(g.phone), path: `guardians.${i}.phone` },
      ],
    })),
    {
      title: "居住证",
      rows: [
        { label: "号码", value: o.mask ? maskIdNumber(a.permit.number) : a.permit.number, path: "permit.number" },
        { label: "有效期", value: `${a.permit.issuedOn}至${a.permit.expiresOn}`, path: "permit.issuedOn" },
        { label: "持证人", value: a.permit.holder === "0" ? "第一位监护人" : "第二位监护人", path: "permit.holder" },
      ],
    },
    {
      title: "现居住地址",
      rows: [
        { label: "乡镇（街道）和社区", value: `${area?.name ?? ""}${communityOf(catalogue, a.address.area, a.address.community)?.name ?? ""}`, path: "address.area" },
        { label: "详细地址", value: a.address.detail, path: "address.detail" },
      ],
    },
    {
      title: "就业情况",
      rows: [
        { label: "就业方式", value: WORK_KIND_LABELS[a.work.kind], path: "work.kind" },
        { label: "单位或经营者", value: a.work.employer || "未填写", path: "work.employer" },
        { label: "社保连续缴纳月数", value: a.work.socialInsuranceMonths, path: "work.socialInsuranceMonths" },
      ],
    },
    {
      title: "志愿学校",
      rows: a.preferences.map((p, i) => ({ label: `第${["一", "二", "三"][i]}志愿`, value: sectionName(catalogue, p), path: `preferences.${i}` })),
    },
    {
      title: "特殊教育需要",
      rows:
        a.specialNeeds.has === "yes"
          ? [
              { label: "是否有", value: "有", path: "specialNeeds.has" },
              { label: "安置方式", value: a.specialNeeds.placement ? PLACEMENT_LABELS[a.specialNeeds.placement] : "", path: "specialNeeds.placement" },
              { label: "情况说明", value: a.specialNeeds.details || "未填写", path: "specialNeeds.details" },
            ]
          : [{ label: "是否有", value: "没有", path: "specialNeeds.has" }],
    },
  ];
}
