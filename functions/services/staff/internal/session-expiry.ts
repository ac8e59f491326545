/**
 * When a session dies: a `full` one 30 minutes after its last request or 12 hours after
 * sign-in; a `second_factor` or `password_change` one 10 minutes after it began
 * (auth/session-policy holds the numbers).
 */
import type { staffSessions } from "../../../../db/schema";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SECOND_FACTOR_TIMEOUT_MS } from "../../../auth/session-policy";

export function isExpired(session: typeof staffSessions.$inferSelect, now: Date): boolean {
  const age = now.getTime() - new Date(session.createdAt).getTime();
  const idle = now.getTime() - new Date(session.lastSeenAt).getTime();
  // The steps of signing in are short-lived; only a full session has idle and absolute clocks.
  if (session.stage !== "full") return age >= SECOND_FACTOR_TIMEOUT_MS;
  return age >= ABSOLUTE_TIMEOUT_MS || idle >= IDLE_TIMEOUT_MS;
}
