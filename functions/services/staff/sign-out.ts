/** `signOut({ ctx, input: { live } })`: deletes the session at once and records it. */
import { eq } from "drizzle-orm";
import { staffSessions } from "../../../db/schema";
import { writeAudit } from "../audit/internal/write-audit";
import type { ServiceCtx } from "../context";
import type { LiveSession } from "../context";

export async function signOut({ ctx, input: { live } }: { ctx: ServiceCtx; input: { live: LiveSession } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(staffSessions).where(eq(staffSessions.id, live.session.id));
    await writeAudit(tx, ctx, { action: "auth.sign_out", outcome: "success", actor: { userId: live.user.id, role: live.user.role } });
  });
}
