/**
 * `/api/staff/auth/*`: the sign-in steps. Password first (`sign-in`), then the second
 * factor (`second-factor/start` says whether to enrol, creating the secret, or to verify;
 * `second-factor` checks the code and issues the next session), `password` to change one's password (required once, for the
 * one-time initial password, before the console opens), `sign-out`. Each step
 * sets a new `__Host-` cookie token; sign-out deletes the session row at once. These steps
 * act on the session itself (`session(...)`, not a permission), which rides in the verb's input.
 */
import { Hono } from "hono";
import { SignInInput, TotpCodeInput } from "../../../src/domain/staff/schemas";
import { rateLimit, RATE_LIMITS } from "../../middleware/rate-limit";
import { clearSessionCookie, publicRoute, session, setSessionCookie, type StaffEnv } from "../../middleware/staff-auth";
import { contextOf } from "../../services/context";
import { changePassword, ChangePasswordInput } from "../../services/staff/change-password";
import { completeSecondFactor } from "../../services/staff/complete-second-factor";
import { secondFactorState } from "../../services/staff/second-factor-state";
import { signIn } from "../../services/staff/sign-in";
import { signOut } from "../../services/staff/sign-out";
import { jsonBody } from "../../validate";

export const staffAuthRoutes = new Hono<StaffEnv>()
  // Counted per client before the body is parsed or a password hashed (SECURITY.md item 5);
  // the per-account lockout (services/staff/internal/lockout) still applies within it.
  .post("/sign-in", publicRoute, rateLimit(RATE_LIMITS.staffSignIn), jsonBody(SignInInput), async (c) => {
    const { token, next } = await signIn({ ctx: contextOf(c), input: c.req.valid("json") });
    setSessionCookie(c, token);
    return c.json({ next }, 200);
  })
  // A POST, not a GET: on first sign-in it creates the account's TOTP secret (SECURITY.md 3).
  .post("/second-factor/start", session("second_factor"), async (c) => {
    return c.json(await secondFactorState({ ctx: contextOf(c), input: { live: c.var.live! } }), 200);
  })
  .post("/second-factor", session("second_factor"), jsonBody(TotpCodeInput), async (c) => {
    const { token, next } = await completeSecondFactor({ ctx: contextOf(c), input: { ...c.req.valid("json"), live: c.var.live! } });
    setSessionCookie(c, token);
    return c.json({ next }, 200);
  })
  .post("/password", session("full", "password_change"), jsonBody(ChangePasswordInput), async (c) => {
    const { token } = await changePassword({ ctx: contextOf(c), input: { ...c.req.valid("json"), live: c.var.live! } });
    if (token) setSessionCookie(c, token);
    return c.json({ next: "home" as const }, 200);
  })
  .post("/sign-out", session("full"), async (c) => {
    await signOut({ ctx: contextOf(c), input: { live: c.var.live! } });
    clearSessionCookie(c);
    return c.json({ signedOut: true as const }, 200);
  });
