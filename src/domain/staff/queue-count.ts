/**
 * The staff queues' totals (issue 19 item 6): a queue counts its filter up to COUNT_CAP and no
 * further, and says "10,000件以上" past it. An exact count of a wide filter (754,000 closed
 * cases of a million) reads every matching index entry on every request, 40–60 ms, three
 * times the page itself; counting to 10,001 costs under a millisecond whatever the filter, and
 * nobody pages through 200 pages of 50. The console home's counts are the same bounded count
 * under the same WHERE, so a count and the queue it links to always say the same thing.
 */
export const COUNT_CAP = 10_000;

/** A queue's total: exact when `atLeast` is false, otherwise COUNT_CAP and more. */
export type QueueTotal = { total: number; atLeast: boolean };

/** What a count of up to COUNT_CAP + 1 matching rows means. */
export const queueTotal = (counted: number): QueueTotal => (counted > COUNT_CAP ? { total: COUNT_CAP, atLeast: true } : { total: counted, atLeast: false });

/** The total in words with its measure word, digits grouped: "12件", "10,000件以上". */
export const totalWords = ({ total, atLeast }: QueueTotal, unit: "件" | "份"): string => `${total.toLocaleString("en-US")}${unit}${atLeast ? "以上" : ""}`;
