/**
 * The application (入学申请) schema: the one contract the browser script, the no-JS form
 * handler and the API all parse with (DESIGN.md convention 3). Built per catalogue, because
 * the communities and the schools a family may rank come from the intake. Every part is its
 * own schema, so the multi-step form can check one step at a time with the same rules.
 * Eligibility (age, permit, district) is deliberately NOT checked here: it is never a form
 * error (issue 6); staff decide it with a reason. Values are strings as a form sends them,
 * so JSON and form posts are parsed by the same schema. Every part first NFKC-normalises what
 * was typed (./typed-input: full-width digits and letters, "+86", separators), and each field
 * reports at most one problem at a time (the first: a missing value is not also "too short").
 */
import { z } from "../zod";
import { addressText, longText, personName, plainText } from "../text";
import { communityOf, sectionsForGrade, type Catalogue } from "./catalogue";
import { maxPreferences } from "./school-choices";
import { ID_NUMBER_MESSAGES, idNumberAgrees, parseIdNumber } from "./id-number";
import { nfkcDeep, normaliseCodeNumber, normaliseDate, normalisePhone } from "./typed-input";
import { GRADES, PLACEMENTS, RELATIONSHIPS, SEXES, WORK_KINDS, YES_NO } from "./vocabulary";

export const MAX_GUARDIANS = 2;

/** A part that reads the NFKC form of everything the family typed. */
const typed = <T extends z.ZodType>(schema: T) => z.preprocess(nfkcDeep, schema);

/** A required text field with the character rule of its kind (src/domain/text). */
const text = (missing: string, max: number, kind: typeof personName) => kind({ error: missing }).trim().min(1, missing).max(max, `最多填写${max}个字`);

const date = (missing: string) =>
  z
    .string({ error: missing })
    .transform(normaliseDate)
    .pipe(
      z
        .string()
        .min(1, { message: missing, abort: true })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "请按年-月-日填写日期，例如2021-03-15", abort: true })
        .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "这个日期不存在，请检查"),
    );

/** An 18-digit ID number that passes GB 11643 (format, real date, check character). */
export const IdNumberField = (missing: string) =>
  z
    .string({ error: missing })
    .transform(normaliseCodeNumber)
    .pipe(z.string().min(1, { message: missing, abort: true }))
    .superRefine((v, ctx) => {
      const parsed = parseIdNumber(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: ID_NUMBER_MESSAGES[parsed.problem] });
    });

export const Phone = z
  .string({ error: "请输入手机号码" })
  .transform(normalisePhone)
  .pipe(z.string().min(1, { message: "请输入手机号码", abort: true }).regex(/^1[3-9]\d{9}$/, "请输入11位手机号码，例如13812345678"));

const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.enum(values, { error: missing });

const ChildFields = z
  .strictObject({
    name: text("请输入孩子的姓名", 30, personName),
    idNumber: IdNumberField("请输入孩子的身份证号码"),
    sex: choice(SEXES, "请选择孩子的性别"),
    birthDate: date("请输入孩子的出生日期"),
    /** 户籍地 as written in the 户口簿, e.g. 安徽省阜阳市临泉县. */
    hukouPlace: text("请输入孩子的户籍所在地", 60, addressText),
  })
  .superRefine((child, ctx) => {
    const parsed = parseIdNumber(child.idNumber);
    if (!parsed.ok) return;
    for (const problem of idNumberAgrees(parsed.value, child))
      ctx.addIssue({ code: "custom", path: ["idNumber"], message: ID_NUMBER_MESSAGES[problem] });
  });
export const ChildPart = typed(ChildFields);

const GuardianFields = z.strictObject({
  name: text("请输入监护人的姓名", 30, personName),
  relationship: choice(RELATIONSHIPS, "请选择监护人与孩子的关系"),
  idNumber: IdNumberField("请输入监护人的身份证号码"),
  phone: Phone,
});
export const GuardianPart = typed(GuardianFields);

/** A second guardian left entirely blank on a form is no guardian, not four errors. */
const isBlank = (g: unknown) =>
  typeof g === "object" && g !== null && Object.values(g as Record<string, unknown>).every((v) => v === undefined || v === "");

export const GuardiansPart = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((g, i) => i === 0 || !isBlank(g)) : v),
  z
    .array(GuardianPart, { error: "请填写至少一位监护人的信息" })
    .min(1, "请填写至少一位监护人的信息")
    .max(MAX_GUARDIANS, `最多填写${MAX_GUARDIANS}位监护人`),
);

const PermitFields = z
  .strictObject({
    /** Residence-permit number (居住证号码) as printed on the card. */
    number: z
      .string({ error: "请输入居住证号码" })
      .transform((v) => v.replace(/\s/g, "").toUpperCase())
      .pipe(z.string().min(1, { message: "请输入居住证号码", abort: true }).regex(/^[0-9A-Z]{6,30}$/, "居住证号码由6到30位数字或字母组成，请对照证件填写")),
    issuedOn: date("请输入居住证的签发日期"),
    expiresOn: date("请输入居住证的有效期截止日期"),
    /** Which guardian (0 or 1) holds the permit. */
    holder: z.enum(["0", "1"], { error: "请选择持证的监护人" }),
  })
  .superRefine((p, ctx) => {
    if (p.expiresOn <= p.issuedOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "有效期截止日期应晚于签发日期，请对照证件检查" });
  });
export const PermitPart = typed(PermitFields);

const WorkFields = z
  .strictObject({
    kind: choice(WORK_KINDS, "请选择持证监护人的就业方式"),
    employer: plainText().trim().max(60, "最多填写60个字").default(""),
    /** Months of social insurance paid in the city without a break (documented points). */
    socialInsuranceMonths: z
      .string({ error: "请输入连续缴纳社会保险的月数，没有请填0" })
      .trim()
      .regex(/^\d{1,3}$/, "请用数字填写连续缴纳社会保险的月数，没有请填0"),
  })
  .superRefine((w, ctx) => {
    if (w.kind !== "flexible" && w.employer === "")
      ctx.addIssue({ code: "custom", path: ["employer"], message: w.kind === "employee" ? "请输入工作单位名称" : "请输入营业执照上的经营者名称" });
  });
export const WorkPart = typed(WorkFields);

const SpecialNeedsFields = z
  .strictObject({
    has: choice(YES_NO, "请选择孩子是否有特殊教育需要"),
    placement: z.enum(["", ...PLACEMENTS]).default(""),
    details: longText().trim().max(300, "最多填写300个字").default(""),
    /** Separate consent for disability data (PIPL art. 29): only asked when there are needs. */
    consent: z.enum(["", "yes"]).default(""),
  })
  .superRefine((s, ctx) => {
    if (s.has !== "yes") return;
    if (s.placement === "") ctx.addIssue({ code: "custom", path: ["placement"], message: "请选择希望的安置方式" });
    if (s.consent !== "yes")
      ctx.addIssue({ code: "custom", path: ["consent"], message: "如需说明特殊教育需要，请勾选同意我们处理这些信息；不同意请选择“没有”" });
  });
export const SpecialNeedsPart = typed(SpecialNeedsFields);

const ConsentFields = z.strictObject({
  /** The guardian's consent to process the child's data (PIPL art. 31). */
  childData: z.literal("yes", { error: "请勾选同意处理孩子的个人信息，否则无法提交申请" }),
  /** 承诺书: everything is true and complete. */
  declaration: z.literal("yes", { error: "请勾选承诺所填信息和材料真实有效" }),
});
export const ConsentPart = typed(ConsentFields);

export const ApplicationSteps = ["grade", "child", "guardians", "permit", "address", "work", "preferences", "specialNeeds", "consents"] as const;
export type ApplicationStep = (typeof ApplicationSteps)[number];

/**
 * The draft schema for one catalogue (intake + district): everything but the consents, which
 * the family gives on the last step after checking its answers (GOV.UK declaration pattern).
 */
export const draftSchema = perCatalogue((catalogue) => z.strictObject(draftShape(catalogue)).superRefine(crossChecks(catalogue)));

/** The full application: the draft plus the guardian's consent and the declaration. */
export const applicationSchema = perCatalogue((catalogue) =>
  z.strictObject({ ...draftShape(catalogue), consents: ConsentPart }).superRefine(crossChecks(catalogue)),
);

/**
 * A schema built once per catalogue object and kept while the catalogue lives: building one
 * costs more than parsing with it (a tenth of an application's time on the server's thread,
 * issue 21), and the server holds one catalogue for its lifetime.
 */
function perCatalogue<T>(build: (catalogue: Catalogue) => T): (catalogue: Catalogue) => T {
  const built = new WeakMap<Catalogue, T>();
  return (catalogue) => {
    let schema = built.get(catalogue);
    if (schema === undefined) built.set(catalogue, (schema = build(catalogue)));
    return schema;
  };
}
export type DraftInput = z.output<ReturnType<typeof draftSchema>>;
export type ApplicationInput = z.output<ReturnType<typeof applicationSchema>>;

function draftShape(catalogue: Catalogue) {
  const grades: string[] = catalogue.intake.grades.map((g) => g.grade);
  const AddressFields = z
    .strictObject({
      area: z.string({ error: "请选择居住的乡镇或街道" }).min(1, "请选择居住的乡镇或街道"),
      community: z.string({ error: "请选择居住的社区" }).min(1, "请选择居住的社区"),
      detail: text("请输入详细地址（路名、门牌号、房间号）", 80, addressText),
    })
    .superRefine((a, ctx) => {
      if (!catalogue.areas.some((x) => x.id === a.area)) ctx.addIssue({ code: "custom", path: ["area"], message: "请从列表中选择居住的乡镇或街道" });
      else if (!communityOf(catalogue, a.area, a.community))
        ctx.addIssue({ code: "custom", path: ["community"], message: "请从所选乡镇或街道的社区列表中选择" });
    });
  const AddressPart = typed(AddressFields);
  const Preferences = z.preprocess(
    (v) => (Array.isArray(v) ? v.map(nfkcDeep).filter((x) => x !== "" && x !== undefined && x !== null) : v),
    z
      .array(z.string(), { error: "请至少选择一所志愿学校" })
      .min(1, "请至少选择一所志愿学校")
      // No cap below the grade's own list (issue 16 item 4: ./school-choices); this bound only refuses a padded list.
      .max(maxPreferences(catalogue), `本年级只有${maxPreferences(catalogue)}所学校，志愿不能多于学校数`)
      .superRefine((list, ctx) => {
        if (new Set(list).size !== list.length) ctx.addIssue({ code: "custom", message: "同一所学校只能选择一次" });
      }),
  );
  return {
    grade: typed(z.enum(GRADES, { error: "请选择申请的年级" }).refine((g) => grades.includes(g), "本批次不招收这个年级")),
    child: ChildPart,
    guardians: GuardiansPart,
    permit: PermitPart,
    address: AddressPart,
    work: WorkPart,
    preferences: Preferences,
    specialNeeds: SpecialNeedsPart,
  };
}

type DraftShape = { [K in keyof ReturnType<typeof draftShape>]: z.output<ReturnType<typeof draftShape>[K]> };

/** Checks across parts: preferences of the applied grade, the permit holder exists, no guardian shares the child's ID. */
function crossChecks(catalogue: Catalogue) {
  return (app: DraftShape, ctx: z.RefinementCtx) => {
    const offered = new Set(sectionsForGrade(catalogue, app.grade).map((s) => s.id));
    app.preferences.forEach((p, i) => {
      if (!offered.has(p)) ctx.addIssue({ code: "custom", path: ["preferences", i], message: "请从本年级的学校列表中选择" });
    });
    if (app.permit.holder === "1" && app.guardians.length < 2)
      ctx.addIssue({ code: "custom", path: ["permit", "holder"], message: "只填写了一位监护人，持证人请选择第一位监护人" });
    const ids = app.guardians.map((g) => g.idNumber);
    if (ids.includes(app.child.idNumber))
      ctx.addIssue({ code: "custom", path: ["guardians", ids.indexOf(app.child.idNumber), "idNumber"], message: "监护人的身份证号码不能与孩子的相同" });
  };
}
