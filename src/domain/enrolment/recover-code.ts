/**
 * "忘记查询码" (issue 16 item 7): what a family gives to have a new access code sent to the
 * phone on file, the reference and that phone, read like the application form reads them
 * (NFKC, "+86", separators). Only the form is checked here; whether they match is the
 * server's business and never shown. `RECOVERY_REPLY` is the one answer to every
 * well-formed request.
 */
import { z } from "../zod";
import { Phone } from "./application";
import { nfkcDeep } from "./typed-input";

export const RecoverCodeInput = z.preprocess(
  nfkcDeep,
  z.strictObject({
    reference: z
      .string({ error: "请输入受理编号" })
      .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ""))
      .pipe(z.string().min(1, { message: "请输入受理编号", abort: true }).regex(/^RX\d{4}-\d{5,}$/, "受理编号的格式是RX加年份和至少5位数字，例如RX2026-00042")),
    phone: Phone,
  }),
);

export const RECOVERY_REPLY =
  "如果受理编号和手机号码与申请时填写的一致，新的查询码已通过短信发送到这个手机，原查询码同时失效。几分钟内没有收到的，请核对后再试一次，或携带监护人身份证到区教育局查询。";
