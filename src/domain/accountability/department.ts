/**
 * Schema of `content/departments/<id>.yaml`: one responsible body of clause 5.1, its duties
 * quoted from the policy with the clause id, and the commitments it leads. A commitment has
 * a target, a deadline, a status from a fixed vocabulary, and a dated progress history with
 * evidence links; figures marked `demo` are invented for the demo district.
 */
import { z } from "../zod";
import { Slug } from "../district/site-config";
import { ClauseId } from "../policy/clause";
import { BODY_KINDS, COMMITMENT_STATUSES } from "./vocabulary";

const IsoDate = z.iso.date("请按YYYY-MM-DD填写日期，例如2026-09-01");

/** A link to the evidence: a page of this site (`/schools/`) or an https address. */
const EvidenceLink = z
  .string()
  .regex(/^(\/[^\s]*|https:\/\/[^\s]+)$/, "证据链接应是本站路径（以“/”开头）或以“https://”开头的网址");

const ProgressEntry = z.strictObject({
  date: IsoDate,
  /** Progress towards the target, 0–100 (%). */
  value: z.number().min(0, "进度在0到100之间").max(100, "进度在0到100之间"),
  /** What happened, in one or two sentences. */
  note: z.string().min(4, "请用一两句话说明这次进展"),
  evidence: EvidenceLink.optional(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const Commitment = z.strictObject({
  /** Unique across all department files; used in anchors (`#commitment-<id>`). */
  id: Slug,
  title: z.string().min(4),
  /** The policy clause that makes the promise, e.g. `2.3`. */
  clause: ClauseId,
  /** Other bodies that contribute: ids of department files. */
  supporting: z.array(Slug).default([]),
  /** What counts as done: a number and its unit, e.g. 80 and “% 的班级”. */
  target: z.strictObject({ value: z.number(), unit: z.string().min(1) }),
  deadline: IsoDate,
  status: z.enum(COMMITMENT_STATUSES, "状态只能是not-started、in-progress、done、delayed或adjusted"),
  /** Current progress 0–100 (%); defaults to the latest history entry, else to the status's default. */
  progress: z.number().min(0).max(100).optional(),
  /** Why a commitment was adjusted or is late, in plain words. */
  explanation: z.string().min(4).optional(),
  /** Oldest first. */
  history: z.array(ProgressEntry).default([]),
});
export type Commitment = z.infer<typeof Commitment>;

export const DepartmentFile = z.strictObject({
  /** Full name as the policy writes it, e.g. 区教育局. */
  name: z.string().min(2),
  /** For lists and filters, e.g. 教育局. */
  short_name: z.string().min(2),
  kind: z.enum(BODY_KINDS),
  /** Position in lists (the order of clause 5.1). */
  order: z.int().min(1),
  /** True while the commitments' progress figures are invented demo data. */
  demo: z.boolean(),
  /** The body's duties, each quoted verbatim from the policy (after the redactions are filled). */
  duties: z
    .array(z.strictObject({ clause: ClauseId, quote: z.string().min(4) }))
    .min(1, "每个部门至少要有一条引自政策原文的职责"),
  commitments: z.array(Commitment).default([]),
});
export type DepartmentFile = z.infer<typeof DepartmentFile>;
