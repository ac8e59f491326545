/**
 * How receipt lookups are throttled, as data: for each tracking flow, how many wrong codes
 * a reference takes before it stops answering, and for how long. `lockMinutes: null` means
 * until staff help, answered exactly like an unknown reference; a number means a pause
 * answered 429 with its own message and Retry-After. The rule is due to change (a third
 * party must never be able to lock a family out): change it here, nowhere else, and the
 * lockout message follows, because it is built from these numbers.
 */
export type ReceiptPolicy = { maxFailures: number; lockMinutes: number | null };

export const RECEIPT_POLICY = {
  /** Complaint codes are 130-bit: the counter is defence in depth, not the only guard. */
  complaint: { maxFailures: 20, lockMinutes: null },
  /** Access codes are 80-bit and a family may need its answer today: a short pause. */
  application: { maxFailures: 5, lockMinutes: 15 },
} as const satisfies Record<string, ReceiptPolicy>;

/** The one reply to an unknown reference or a wrong code (and to a reference locked for good). */
export const RECEIPT_NOT_FOUND = "受理编号或查询码不正确。请核对收据后重试；多次输错后将暂停查询，如需帮助请联系区教育局。";

/** The reply while a reference is paused, built from its policy. */
export function receiptLockedMessage(policy: ReceiptPolicy): string {
  return `这个受理编号的查询码输错次数过多，已暂停查询 ${policy.lockMinutes} 分钟。请稍后再试，或携带监护人身份证到区教育局现场查询。`;
}
