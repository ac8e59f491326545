/**
 * The enrolment catalogue: what an application is checked against, built from the intake
 * and the district (site.yaml areas with their catchments, schools.csv names, and the one
 * enrolment enquiry number, site.yaml's enquiries.enrolment). It is plain
 * JSON so the build can publish it (/enrol/catalogue.json, read by the Worker and the form
 * script) and the Node entry can compute it from content/ directly; one zod schema for both.
 */
import { z } from "../zod";
import type { School } from "../district/school";
import type { SiteConfig } from "../district/site-config";
import type { Section } from "../district/vocabulary";
import { Intake } from "./intake";
import { GRADES } from "./vocabulary";

export const CatalogueSection = z.strictObject({
  id: z.string(),
  schoolId: z.string(),
  name: z.string(),
  address: z.string(),
  areaId: z.string(),
  grade: z.enum(GRADES),
  seats: z.number().int(),
});
export type CatalogueSection = z.output<typeof CatalogueSection>;

export const CatalogueCommunity = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Catchment section ids (施教区) by grade. */
  catchment: z.partialRecord(z.enum(GRADES), z.array(z.string())),
});

export const Catalogue = z.strictObject({
  intake: Intake,
  /** 招生咨询电话, from content/site.yaml only (the intake keeps no copy that could disagree). */
  enquiryPhone: z.string().min(5),
  sections: z.array(CatalogueSection),
  areas: z.array(z.strictObject({ id: z.string(), name: z.string(), communities: z.array(CatalogueCommunity) })),
});
export type Catalogue = z.output<typeof Catalogue>;

export function buildCatalogue(intake: Intake, site: SiteConfig, schools: School[]): Catalogue {
  const byId = new Map(schools.map((s) => [s.id, s]));
  const sectionOfGrade = new Map(intake.grades.map((g) => [g.grade, g.section] as const));
  const sections = intake.grades.flatMap((g) =>
    g.seats.map((line) => {
      const schoolId = line.section.slice(0, -`-${g.section}`.length);
      const school = byId.get(schoolId);
      return { id: line.section, schoolId, name: school?.name ?? schoolId, address: school?.address ?? "", areaId: school?.township ?? "", grade: g.grade, seats: line.seats };
    }),
  );
  const areas = site.areas.map((a) => ({
    id: a.id,
    name: a.name,
    communities: a.communities.map((c) => ({
      id: c.id,
      name: c.name,
      catchment: Object.fromEntries(
        [...sectionOfGrade].map(([grade, section]: [string, Section]) => [grade, c.catchment[section].map((schoolId) => `${schoolId}-${section}`)]),
      ),
    })),
  }));
  return { intake, enquiryPhone: site.enquiries.enrolment, sections, areas };
}

export function sectionsForGrade(catalogue: Catalogue, grade: string): CatalogueSection[] {
  return catalogue.sections.filter((s) => s.grade === grade);
}

export function communityOf(catalogue: Catalogue, areaId: string, communityId: string) {
  return catalogue.areas.find((a) => a.id === areaId)?.communities.find((c) => c.id === communityId);
}

export function sectionName(catalogue: Catalogue, sectionId: string): string {
  return catalogue.sections.find((s) => s.id === sectionId)?.name ?? sectionId;
}
