/**
 * What the console sends for a draw: a witness's commitment (with the reason when it opens a
 * re-draw), a reveal, and the grade a freeze, a draw or a dry run is for. Strict, so nothing
 * else can ride along (SECURITY.md item 1). The dry run takes no seed: the server draws a
 * TEST- seed itself, so a dry run cannot be used to shop for a seed that is then published.
 */
import { z } from "../../zod";
import { longText, personName } from "../../text";
import { GRADES } from "../vocabulary";
import { Commitment, Contribution, WITNESS_ROLES } from "./commit-reveal";

const Grade = z.enum(GRADES, { error: "请选择年级" });

export const GradeInput = z.strictObject({ grade: Grade });

export const CommitInput = z.strictObject({
  grade: Grade,
  role: z.enum(WITNESS_ROLES, { error: "请选择见证人身份" }),
  name: personName().min(2, "请填写见证人姓名").max(40, "姓名最多40个字"),
  commitment: Commitment,
  /** Required when the round has already been drawn: the recorded reason for a re-draw. */
  redrawReason: longText().trim().max(500, "最多500个字").optional(),
});
export type CommitInput = z.output<typeof CommitInput>;

export const RevealInput = z.strictObject({
  grade: Grade,
  position: z.number({ error: "请选择见证人" }).int().min(1).max(20),
  contribution: Contribution,
});
export type RevealInput = z.output<typeof RevealInput>;
