/**
 * Issue 16 item 6: what a family types through a Chinese input method means what its ASCII
 * form means (NFKC, "+86", separators), and a blank form lists each empty field exactly once.
 * The property test widens random characters of every field of a valid application to their
 * full-width forms (and adds the separators people type) and expects the very same parse.
 * FC_RUNS raises the number of runs (default 200).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicationSchema } from "../../../src/domain/enrolment/application";
import { normaliseDate, normalisePhone } from "../../../src/domain/enrolment/typed-input";
import { fieldErrorsOf } from "../../../src/forms/field-errors";
import { committedCatalogue, fakeIdNumber, validApplication } from "../../fixtures/enrolment";

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** The full-width form of a printable ASCII character (U+FF01..U+FF5E), the ideographic space for a space. */
const wide = (ch: string) => (ch === " " ? "\u3000" : ch >= "!" && ch <= "~" ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);

/** Every string leaf of a value, rewritten by `f(path, text)`. */
function mapStrings(value: unknown, f: (path: string, text: string) => string, path = ""): unknown {
  if (typeof value === "string") return f(path, value);
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, f, `${path}.${i}`));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, path ? `${path}.${k}` : k)]));
  return value;
}

/** Separators as people type them into numbers: a space, a dash, a full-width dash. */
const separated = (text: string, seps: string[]) => [...text].map((c, i) => c + (seps[i % seps.length] ?? "")).join("");

describe("NFKC before validation", () => {
  it("gives the same application for full-width characters, +86 and separators in every field", async () => {
    const schema = applicationSchema(await committedCatalogue());
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.array(fc.constantFrom("", "", " ", "-", "－", "\u3000"), { minLength: 4, maxLength: 4 }),
        fc.constantFrom("", "+86", "+86 ", "＋８６", "0086", "86-"),
        async (serial, widen, seps, country) => {
          const plain = validApplication(serial);
          const expected = schema.safeParse(plain);
          expect(expected.success).toBe(true);
          const typed = mapStrings(plain, (path, text) => {
            let t = [...text].map((c, i) => (widen[i % widen.length] ? wide(c) : c)).join("");
            if (path.endsWith("phone")) t = country + separated(t, seps);
            else if (path.endsWith("idNumber")) t = separated(t, seps);
            return t;
          });
          const got = schema.safeParse(typed);
          if (!got.success) throw new Error(`${JSON.stringify(typed)}\n${JSON.stringify(fieldErrorsOf(got.error))}`);
          expect(got.data).toEqual(expected.data);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("reads phone numbers and dates the ways families write them", () => {
    for (const p of ["+86 138 1234 5678", "＋８６１３８１２３４５６７８", "0086-138-1234-5678", "138-1234-5678", "(138)12345678", "１３８　１２３４　５６７８"]) expect(normalisePhone(p)).toBe("13812345678");
    // A landline-looking number is left for the rule to refuse, not silently cut.
    expect(normalisePhone("86 1234")).toBe("861234");
    for (const d of ["2021年3月5日", "2021/3/5", "2021.03.05", "２０２１－０３－０５", "2021 年 3 月 5 日"]) expect(normaliseDate(d)).toBe("2021-03-05");
    expect(normaliseDate("3/5/2021")).toBe("3/5/2021");
  });

  it("accepts the ID number typed in full-width digits with a lower-case full-width x", async () => {
    const schema = applicationSchema(await committedCatalogue());
    const a = validApplication(3);
    a.child.idNumber = fakeIdNumber("2020-05-17", "female", 3);
    const widened = structuredClone(a);
    widened.child.idNumber = [...a.child.idNumber.toLowerCase()].map(wide).join("");
    const parsed = schema.safeParse(widened);
    expect(parsed.success && parsed.data.child.idNumber).toBe(a.child.idNumber);
  });
});

describe("one error per field", () => {
  /** The form as a browser posts it untouched: every field present and empty. */
  const blankForm = () => mapStrings(validApplication(), () => "");
  const FIELDS = [
    "grade",
    "child.name",
    "child.idNumber",
    "child.sex",
    "child.birthDate",
    "child.hukouPlace",
    "guardians.0.name",
    "guardians.0.relationship",
    "guardians.0.idNumber",
    "guardians.0.phone",
    "permit.number",
    "permit.issuedOn",
    "permit.expiresOn",
    "permit.holder",
    "address.area",
    "address.community",
    "address.detail",
    "work.kind",
    "work.socialInsuranceMonths",
    "preferences",
    "specialNeeds.has",
    "consents.childData",
    "consents.declaration",
  ];

  it("lists each empty field of a blank form once, with its 请… message", async () => {
    const parsed = applicationSchema(await committedCatalogue()).safeParse(blankForm());
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(errors.map((e) => e.path).sort()).toEqual([...FIELDS].sort());
    // The schema itself reports one issue per field (the mapping's de-duplication is a second guard).
    expect(parsed.error!.issues.filter((i) => i.path.join(".") === "child.idNumber")).toHaveLength(1);
    expect(parsed.error!.issues.filter((i) => i.path.join(".") === "guardians.0.phone")).toHaveLength(1);
  });

  it("lists each field once for a form with nothing in it at all", async () => {
    const parsed = applicationSchema(await committedCatalogue()).safeParse({});
    const paths = fieldErrorsOf(parsed.error!).map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("keeps the first problem of a field that has two (the mapping)", () => {
    const errors = fieldErrorsOf({ issues: [{ path: ["a"], message: "first" }, { path: ["a"], message: "second" }, { path: ["b"], message: "b" }] });
    expect(errors).toEqual([{ path: "a", message: "first" }, { path: "b", message: "b" }]);
  });
});
