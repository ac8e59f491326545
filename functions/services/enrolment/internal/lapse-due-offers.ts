/**
 * Writes the lapse of every offer of the intake whose deadline has passed unanswered
 * (src/domain/enrolment/offer-lapse.ts) and gives each freed seat on exactly as a decline
 * does (the waitlist cascade of ./waitlist). All due offers are marked lapsed first and only
 * then do the waitlists move, in one transaction: a family whose own offer lapsed can never
 * be moved up into another lapsed family's seat, and the result does not depend on the order
 * the rows are read in. The conditional state update makes a second runner at the same time
 * fail and roll back instead of moving a waitlist twice. Run by the scheduled job
 * (../lapse-offers.ts) and before a second-round freeze.
 */
import { and, asc, eq, lt } from "drizzle-orm";
import { applications } from "../../../../db/schema";
import type { Catalogue } from "../../../../src/domain/enrolment/catalogue";
import { lapsedMessage } from "../../../../src/domain/enrolment/offer-lapse";
import type { SecureCtx } from "../../context";
import { smsGuardian } from "./sms-guardian";
import { transitionApplication } from "./transition-application";
import { moveWaitlistAfterDecline } from "./waitlist";

/** Returns how many offers lapsed now. */
export async function lapseDueOffers(ctx: SecureCtx, catalogue: Catalogue): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.intakeId, catalogue.intake.id), eq(applications.state, "offered"), lt(applications.offerDeadline, now)))
    .orderBy(asc(applications.offerDeadline), asc(applications.id));
  if (due.length === 0) return 0;
  await ctx.db.transaction(async (tx) => {
    for (const row of due) {
      await transitionApplication(tx, ctx, row, "lapse", {
        message: lapsedMessage(row.offerDeadline, catalogue.enquiryPhone),
        auditAction: "enrolment.lapse",
        conflictMessage: "学位状态刚刚发生变化，过期处理将在下一次运行时重试。",
      });
      await smsGuardian(tx, ctx, row, "学位已过期", `您的入学申请${row.reference}没有在期限内接受学位，学位已过期。详情请在“办理进度查询”查看。`);
    }
    for (const row of due) await moveWaitlistAfterDecline(tx, ctx, catalogue, row);
  });
  return due.length;
}
