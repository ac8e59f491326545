/**
 * How an application is stored: the fields staff filter on in clear columns, the rest in two
 * sealed JSON columns bound to the application id (personal: names, phones, address, work;
 * sensitive: ID numbers, permit, special needs), and back. Opening needs DATA_KEY, so a copy
 * of the database alone gives away no family.
 */
import type { applications } from "../../../../db/schema";
import type { DraftInput } from "../../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { pointsOf } from "../../../../src/domain/enrolment/points";
import { openField, sealField, type FieldKeys } from "../../../platform/field-crypto";

type Personal = Pick<DraftInput, "work" | "specialNeeds"> & {
  child: Omit<DraftInput["child"], "idNumber">;
  guardians: Omit<DraftInput["guardians"][number], "idNumber">[];
  address: DraftInput["address"];
};
type Sensitive = { childId: string; guardianIds: string[]; permit: DraftInput["permit"]; specialNeeds: DraftInput["specialNeeds"] };

const personalContext = (id: string) => `application:${id}:personal`;
const sensitiveContext = (id: string) => `application:${id}:sensitive`;

export type SealedColumns = Pick<typeof applications.$inferInsert, "grade" | "areaId" | "communityId" | "preferences" | "personal" | "sensitive" | "points">;

export async function sealApplication(keys: FieldKeys, id: string, draft: DraftInput, catalogue: Catalogue): Promise<SealedColumns> {
  const { idNumber: childId, ...child } = draft.child;
  const personal: Personal = {
    child,
    guardians: draft.guardians.map(({ idNumber: _id, ...g }) => g),
    address: draft.address,
    work: draft.work,
    // Only the answer "yes/no" is personal; details and placement live in the sensitive part.
    specialNeeds: { has: draft.specialNeeds.has, placement: "", details: "", consent: draft.specialNeeds.consent },
  };
  const sensitive: Sensitive = { childId, guardianIds: draft.guardians.map((g) => g.idNumber), permit: draft.permit, specialNeeds: draft.specialNeeds };
  return {
    grade: draft.grade,
    areaId: draft.address.area,
    communityId: draft.address.community,
    preferences: JSON.stringify(draft.preferences),
    personal: await sealField(keys, personalContext(id), JSON.stringify(personal)),
    sensitive: await sealField(keys, sensitiveContext(id), JSON.stringify(sensitive)),
    points: pointsOf(catalogue.intake, { permitIssuedOn: draft.permit.issuedOn, socialInsuranceMonths: Number(draft.work.socialInsuranceMonths) }),
  };
}

export async function openApplication(
  keys: FieldKeys,
  row: Pick<typeof applications.$inferSelect, "id" | "grade" | "preferences" | "personal" | "sensitive">,
): Promise<DraftInput> {
  const personal = JSON.parse(await openField(keys, personalContext(row.id), row.personal)) as Personal;
  const sensitive = JSON.parse(await openField(keys, sensitiveContext(row.id), row.sensitive)) as Sensitive;
  return {
    grade: row.grade,
    child: { ...personal.child, idNumber: sensitive.childId },
    guardians: personal.guardians.map((g, i) => ({ ...g, idNumber: sensitive.guardianIds[i] ?? "" })),
    permit: sensitive.permit,
    address: personal.address,
    work: personal.work,
    preferences: JSON.parse(row.preferences) as string[],
    specialNeeds: sensitive.specialNeeds,
  };
}

/** Only the personal part (names, phones): for lists and notifications that need no ID number. */
export async function openPersonal(keys: FieldKeys, row: Pick<typeof applications.$inferSelect, "id" | "personal">): Promise<Personal> {
  return JSON.parse(await openField(keys, personalContext(row.id), row.personal)) as Personal;
}
