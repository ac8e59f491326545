/**
 * Demo applications for the enrolment console (issue 6): synthetic families with
 * valid-checksum fake ID numbers (area code 330802, never a real person), sealed and indexed
 * exactly as a real submission is, in states a reviewer meets (submitted, under review,
 * waiting for documents, one overdue). None is "eligible", so a demo allocation starts only
 * from decisions someone made in the console. One family's reference and access code are
 * printed once, so /track/ can be tried.
 */
import { applicationEvents, applications } from "../../../db/schema";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { checkCharacter } from "../../../src/domain/enrolment/id-number";
import { retainUntil } from "../../../src/domain/enrolment/intake";
import type { ApplicationState } from "../../../src/domain/enrolment/states";
import { RETENTION, PRIVACY_NOTICE_VERSION } from "../../../src/domain/privacy-notice";
import { blindIndex, type FieldKeys } from "../../platform/field-crypto";
import { hashReceiptCode, newReceiptCode } from "../../platform/receipt-code";
import type { Tx } from "../../services/context";
import { nextReference } from "../../services/references/internal/next-reference";
import { sealApplication } from "../../services/enrolment/internal/application-record";
import { referenceYear } from "../../services/enrolment/internal/file-application";

const FAMILIES = [
  ["张小雨", "female", "张建国", "father", "qingxi", "wenchang", ["wenchang-xiaoxue-primary", "dier-shiyan-xiaoxue-primary"]],
  ["李浩然", "male", "王秀英", "mother", "qingxi", "fuqian", ["dier-shiyan-xiaoxue-primary"]],
  ["陈思琪", "female", "陈志强", "father", "chengnan", "xinhua", ["chengnan-xiaoxue-primary", "jinxiu-xiaoxue-primary", "xinhua-xiaoxue-primary"]],
  ["刘子轩", "male", "刘海燕", "mother", "chengnan", "nanmen", ["nanmen-xiaoxue-primary", "xinhua-xiaoxue-primary"]],
  ["黄雨桐", "female", "黄德明", "father", "donghu", "donghu-shequ", ["guihua-xiaoxue-primary", "donghu-dier-xiaoxue-primary"]],
  ["周俊杰", "male", "周丽华", "mother", "qingxi", "wangjiang", ["fuqian-xiaoxue-primary", "wenchang-xiaoxue-primary"]],
] as const;

const STATES: ApplicationState[] = ["submitted", "submitted", "under_review", "more_info_requested", "submitted", "under_review"];

function fakeId(birth: string, sex: "male" | "female", serial: number): string {
  const seq = String(serial * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const first17 = `330802${birth.replaceAll("-", "")}${seq}`;
  return first17 + checkCharacter(first17);
}

export async function seedEnrolmentDemo(tx: Tx, { keys, catalogue, now }: { keys: FieldKeys; catalogue: Catalogue; now: Date }): Promise<string[]> {
  const lines: string[] = [];
  for (const [i, [child, sex, guardian, relationship, area, community, preferences]] of FAMILIES.entries()) {
    const id = crypto.randomUUID();
    // Submitted over the last weeks; the first one is past the review deadline (overdue filter).
    const at = new Date(now.getTime() - (i === 0 ? 14 : i + 1) * 86400 * 1000).toISOString();
    const birth = `2020-0${(i % 8) + 1}-1${i}`;
    const draft = {
      grade: "1" as const,
      child: { name: child, idNumber: fakeId(birth, sex, 300 + i), sex, birthDate: birth, hukouPlace: "安徽省阜阳市临泉县" },
      guardians: [{ name: guardian, relationship, idNumber: fakeId("1989-04-0" + ((i % 9) + 1), relationship === "father" ? "male" : "female", 400 + i), phone: `1380000${String(1000 + i)}` }],
      permit: { number: `JL3308022023${String(100 + i)}`, issuedOn: `202${2 + (i % 3)}-03-01`, expiresOn: "2029-02-28", holder: "0" as const },
      address: { area, community, detail: `演示路${i + 1}号` },
      work: { kind: "employee" as const, employer: "江澜市某物流公司（演示）", socialInsuranceMonths: String(6 * i) },
      preferences: [...preferences],
      specialNeeds: { has: "no" as const, placement: "" as const, details: "", consent: "" as const },
    };
    const reference = await nextReference(tx, "RX", referenceYear(now));
    const code = newReceiptCode(80);
    const state = STATES[i]!;
    await tx.insert(applications).values({
      id,
      intakeId: catalogue.intake.id,
      reference,
      state,
      ...(await sealApplication(keys, id, draft, catalogue)),
      childIndex: await blindIndex(keys, "child-id", `${catalogue.intake.id}:${draft.child.idNumber}`),
      accessCodeHash: await hashReceiptCode(code),
      consentNoticeVersion: PRIVACY_NOTICE_VERSION,
      consentAt: at,
      consentGuardian: 0,
      submittedAt: at,
      retainUntil: retainUntil(catalogue.intake, RETENTION.applicationMonths),
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(applicationEvents).values({ applicationId: id, at, event: "submit", toState: "submitted", message: "申请已提交，等待审核。" });
    if (state === "more_info_requested") await tx.insert(applicationEvents).values({ applicationId: id, at, event: "request_info", toState: state, message: "请补充房屋租赁合同的备案页。" });
    if (i === 0) lines.push("", "演示入学申请（只显示这一次，可在 /track/ 查询）：", `受理编号${reference} | 查询码${code}`);
  }
  return lines;
}
