/**
 * `secondFactorState({ ctx, input: { live } })`: the second step of signing in, as the console
 * should show it: the enrolment (QR code and the secret as text, created now if the account has
 * none) or the code prompt.
 */
import { eq } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { openSecret, sealSecret } from "../../auth/secret-box";
import { newTotpSecret, totpUri } from "../../auth/totp";
import type { AuthCtx } from "../context";
import type { LiveSession } from "../context";

export const TOTP_ISSUER = "清溪区教育局工作台";

export type SecondFactorState = { mode: "verify" } | { mode: "enrol"; secret: string; uri: string; account: string };

export async function secondFactorState({ ctx, input: { live } }: { ctx: AuthCtx; input: { live: LiveSession } }): Promise<SecondFactorState> {
  const { user } = live;
  if (user.totpConfirmedAt) return { mode: "verify" };
  let secret: string;
  if (user.totpSecret) {
    secret = await openSecret(ctx.authSecret, user.id, user.totpSecret);
  } else {
    secret = newTotpSecret();
    await ctx.db
      .update(staffUsers)
      .set({ totpSecret: await sealSecret(ctx.authSecret, user.id, secret), updatedAt: ctx.clock.now().toISOString() })
      .where(eq(staffUsers.id, user.id));
  }
  return { mode: "enrol", secret, uri: totpUri(TOTP_ISSUER, user.email, secret), account: user.email };
}
