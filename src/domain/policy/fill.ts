/**
 * The redactions of the policy text. The source (a scraped web page) hides place names and
 * years with `*`; the chapter files mark each such place with a `{{…}}` placeholder, and the
 * build fills it from `policy.fill` in content/site.yaml. Nothing else in the text changes.
 * Each placeholder also records the exact redacted form in the source, so a test can prove
 * the published text equals the source except at these places.
 */
import { z } from "../zod";

/** `policy.fill` in content/site.yaml: the fictional names and years that fill the redactions. */
export const PolicyFill = z.strictObject({
  /** The district's short name (清溪 for 清溪区): fills `*` in 根据*实际, *区, *教育, 和谐*建设. */
  district: z.string().min(1).regex(/^[^区县市*{}]+$/, "请填写区县简称，不带“区”“县”字，例如清溪"),
  /** The city's short name (江澜 for 江澜市): fills `*` in *市委, *市人民政府, *市区居住证. */
  city: z.string().min(1).regex(/^[^市*{}]+$/, "请填写城市简称，不带“市”字，例如江澜"),
  /** Years the source writes as 20*. */
  years: z.strictObject({
    /** 二（一）: the year from which the 一校两区 subsidy and the rural +50 元 apply (从20*年起). */
    funding: z.int().min(2000).max(2099),
    /** 四（二）: the year of the city's household-registration reform opinion (衢委发[20*]15号). */
    household_doc: z.int().min(2000).max(2099),
    /** 五（一）: the year of the city's opinion on township education duties (衢政发〔20*〕40号). */
    township_doc: z.int().min(2000).max(2099),
  }),
});
export type PolicyFill = z.infer<typeof PolicyFill>;

/** Every placeholder, the form the source text has in its place, and its value. */
export const PLACEHOLDERS = {
  district: { redacted: "*", value: (f: PolicyFill) => f.district },
  city: { redacted: "*", value: (f: PolicyFill) => f.city },
  "year.funding": { redacted: "20*", value: (f: PolicyFill) => String(f.years.funding) },
  "year.household_doc": { redacted: "20*", value: (f: PolicyFill) => String(f.years.household_doc) },
  "year.township_doc": { redacted: "20*", value: (f: PolicyFill) => String(f.years.township_doc) },
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PATTERN = /\{\{([^{}]*)\}\}/g;

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);

/** Placeholder names in `text` that do not exist (a typo in a chapter file). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => m[1] ?? "").filter((name) => !isPlaceholder(name));
}

/** The text as published: each placeholder replaced by its configured value. */
export function fillText(text: string, fill: PolicyFill): string {
  return text.replace(PATTERN, (whole, name: string) => (isPlaceholder(name) ? PLACEHOLDERS[name].value(fill) : whole));
}

/** The text as the source has it: each placeholder put back to its redacted form. */
export function redactText(text: string): string {
  return text.replace(PATTERN, (whole, name: string) => (isPlaceholder(name) ? PLACEHOLDERS[name].redacted : whole));
}
