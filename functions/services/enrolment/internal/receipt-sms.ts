/**
 * The text of the SMS that carries a family's reference and access code: at submission and
 * when a lost code is replaced (issue 16 item 7). One wording for both, so a family
 * recognises it; queued with `secret: true`, so the outbox keeps it sealed.
 */
export function receiptSms(reference: string, accessCode: string, renewed = false): string {
  const lead = renewed ? "您的随迁子女入学申请的查询码已重新生成，原查询码已失效。" : "您的随迁子女入学申请已受理。";
  return `${lead}受理编号：${reference}；查询码：${accessCode}。请保存本短信，不要把查询码告诉他人。在“办理进度查询”输入受理编号和查询码即可查看审核结果。`;
}
