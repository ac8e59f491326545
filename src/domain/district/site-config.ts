/**
 * Schema of `content/site.yaml`: the one place that names the (fictional) demo district,
 * its education bureau, the hotlines, and each township or sub-district with its
 * communities and their catchment schools (施教区). Every capability reads it.
 */
import { z } from "../zod";
import { PolicyFill } from "../policy/fill";
import { AREA_KINDS } from "./vocabulary";

/** A stable lower-case identifier used in URLs and data files, e.g. `qingxi-jiedao`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "只能使用小写字母、数字和连字符，例如chengnan-xiaoxue");

/** A Chinese phone number as printed for the public: digits, spaces, hyphens, optional +86. */
const PhoneNumber = z
  .string()
  .regex(/^(\+86[ -]?)?[0-9][0-9 -]{1,18}[0-9]$/, "请填写电话号码，例如0571-8888 1234");

const Community = z.strictObject({
  /** Unique within the district. */
  id: Slug,
  /** Community (社区) or village (行政村) name. */
  name: z.string().min(1),
  /** Catchment schools (施教区) by section: ids from `content/schools/schools.csv`. */
  catchment: z.strictObject({
    primary: z.array(Slug).min(1, "每个社区至少要有一所小学施教区学校"),
    junior: z.array(Slug).min(1, "每个社区至少要有一所初中施教区学校"),
  }),
});

const Area = z.strictObject({
  /** Referenced by the `township` column of the school registry. */
  id: Slug,
  name: z.string().min(1),
  /** 乡镇 (township) or 街道 (sub-district). */
  kind: z.enum(AREA_KINDS),
  communities: z.array(Community).min(1, "每个乡镇或街道至少要有一个社区"),
});

export const SiteConfig = z.strictObject({
  district: z.strictObject({
    /** Full name, e.g. 清溪区. Replaces the redacted district name in the policy text. */
    name: z.string().min(2),
    /** The city the district belongs to, e.g. 江澜市. */
    city: z.string().min(2),
    /** The province, for the provincial funding minimum and wording. */
    province: z.string().min(2),
    /** True while the district, its schools and figures are fictional demo data. */
    demo: z.boolean(),
  }),
  bureau: z.strictObject({
    /** The education bureau that runs the portal and processes personal data. */
    name: z.string().min(2),
    address: z.string().min(4),
    postcode: z.string().regex(/^\d{6}$/, "邮政编码是6位数字"),
    phone: PhoneNumber,
    email: z.email("请填写有效的电子邮箱地址"),
    /** Office hours as printed, e.g. 工作日 8:30–12:00、14:30–17:30. */
    hours: z.string().min(2),
  }),
  hotlines: z.strictObject({
    /** Education supervision hotline for questions and complaints (教育督导热线). */
    education: PhoneNumber,
    /** Emergency number shown first for safety and bullying reports. */
    emergency: PhoneNumber,
  }),
  /** One enquiry number per service (issue 18 item 7), so no page sends a family to the supervision hotline for an enrolment question. */
  enquiries: z.strictObject({
    /** 招生咨询电话: questions about the migrant-children intake; the only copy: the enrolment catalogue, pages and messages read it from here. */
    enrolment: PhoneNumber,
    /** 投诉咨询电话: questions about filing or following a complaint. */
    complaints: PhoneNumber,
  }),
  /** The government-website identification printed in the footer (政府网站标识, issue 18 item 7). */
  website: z.strictObject({
    /** 主办单位: the body the site belongs to. */
    sponsor: z.string().min(2),
    /** 承办单位: the office that runs it. */
    operator: z.string().min(2),
    /** 网站标识码: ten digits issued with the site's registration in the national directory. */
    site_code: z.string().regex(/^\d{10}$/, "网站标识码是10位数字"),
    /** ICP 备案号, e.g. 浙ICP备12345678号-1. */
    icp: z.string().regex(/^\p{Script=Han}ICP备\d{6,10}号(-\d+)?$/u, "请按“浙ICP备12345678号-1”的格式填写ICP备案号"),
    /** 公安机关备案号, e.g. 浙公网安备33010602000001号. */
    police_record: z.string().regex(/^\p{Script=Han}公网安备\d{14}号$/u, "请按“浙公网安备33010602000001号”的格式填写公安机关备案号"),
    /** True while the numbers above are invented for the demo; the footer then says so. */
    demo: z.boolean(),
  }),
  areas: z.array(Area).min(1),
  policy: z.strictObject({
    /** Fills the places the policy's source text redacts with `*` (see src/domain/policy/fill.ts). */
    fill: PolicyFill,
  }),
  commitments: z.strictObject({
    /** The date the commitments' progress is reported as of; “overdue” is judged on this date. */
    as_of: z.iso.date("请按YYYY-MM-DD填写日期，例如2026-11-15"),
  }),
  /** What the open-data package says about itself (issue 17: scope published and reproducible). */
  open_data: z.strictObject({
    /** The site's public address: the package's `homepage` is <url>/data/. Required, so a build never publishes localhost. */
    site_url: z.url({ protocol: /^https$/, error: "请填写网站的公开地址，以“https://”开头，例如https://jyj.example.gov.cn" }).transform((u) => u.replace(/\/+$/, "")),
    /** The date the latest data was taken (教育事业统计 at the start of the school year). */
    data_date: z.iso.date("请按YYYY-MM-DD填写数据日期，例如2025-09-30"),
    /** Where the figures come from, each with a title and, when public, an address. */
    sources: z.array(z.strictObject({ title: z.string().min(2), path: z.url().optional() })).min(1, "请至少列出一个数据来源"),
  }),
});
export type SiteConfig = z.infer<typeof SiteConfig>;
export type Area = SiteConfig["areas"][number];
export type Community = Area["communities"][number];
