/**
 * Session lifetimes (SECURITY.md item 8, ASVS 7.3): a signed-in session ends after 30
 * minutes without a request or 12 hours after sign-in, whichever comes first; a session
 * that has passed the password but not yet the second factor lives 10 minutes. Lockout:
 * 5 failures for one account within 15 minutes lock it for the rest of that window.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const SECOND_FACTOR_TIMEOUT_MS = 10 * 60 * 1000;
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export const SESSION_COOKIE = "staff_session";
/** With Hono's `prefix: "host"` the browser sees `__Host-staff_session`. */
export const SESSION_COOKIE_FULL_NAME = `__Host-${SESSION_COOKIE}`;
