/**
 * TOTP (RFC 6238: HOTP over 30-second steps, 6 digits, SHA-1, as every authenticator app
 * expects) with the clock passed in, so tests can move time. `@oslojs/otp` computes the
 * HOTP values; this module picks the step from the injected clock, accepts one step of
 * drift either side, and reports the matched step so the caller can refuse any code at or
 * before the last accepted one (single use within the window, RFC 6238 §5.2).
 */
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The step the code belongs to, or null; steps at or before `lastStep` never match. */
export function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const key = decodeBase32IgnorePadding(secret);
  const given = new TextEncoder().encode(code);
  const current = totpStepAt(now);
  let matched: number | null = null;
  // Check every candidate (no early exit), so timing does not say which step matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), TOTP_DIGITS));
    if (constantTimeEqual(expected, given) && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched;
}

export function totpUri(issuer: string, accountName: string, secret: string): string {
  return createTOTPKeyURI(issuer, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
