import { describe, expect, it } from "vitest";
import { TOTP } from "otpauth";
import { ARGON2_PARAMS, hashPassword, verifyPassword } from "../../../functions/auth/password-hash";
import { isCommonPassword } from "../../../functions/auth/common-passwords";
import { matchTotp, newTotpSecret, totpStepAt } from "../../../functions/auth/totp";
import { InviteUserInput, SignInInput, TotpCodeInput } from "../../../src/domain/staff/schemas";

describe("password hashing", () => {
  it("uses argon2id at ASVS 5.0 Appendix C parameters (m >= 19 MiB, t >= 2) with a random salt", async () => {
    expect(ARGON2_PARAMS.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(ARGON2_PARAMS.t).toBeGreaterThanOrEqual(2);
    const started = performance.now();
    const a = await hashPassword("a long passphrase");
    console.log(`argon2id hash: ${Math.round(performance.now() - started)} ms`);
    const b = await hashPassword("a long passphrase");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "a long passphrase")).toBe(true);
    expect(await verifyPassword(a, "a long passphrasE")).toBe(false);
    expect(await verifyPassword("not a hash", "a long passphrase")).toBe(false);
  });
});

describe("common passwords", () => {
  it("refuses the well-known ones in any case and accepts an uncommon passphrase", () => {
    for (const p of ["password", "12345678", "Qwerty123", "iloveyou", "admin123"]) expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword("青溪 river runs past the old mill")).toBe(false);
  });
});

describe("TOTP", () => {
  const secret = newTotpSecret();
  const at = new Date("2026-09-01T08:00:10.000Z");
  const code = (d: Date) => new TOTP({ secret, period: 30, digits: 6 }).generate({ timestamp: d.getTime() });

  it("accepts the current code and one step of drift either side, and names the step", () => {
    expect(matchTotp(secret, code(at), at, null)).toBe(totpStepAt(at));
    expect(matchTotp(secret, code(new Date(at.getTime() - 30_000)), at, null)).toBe(totpStepAt(at) - 1);
    expect(matchTotp(secret, code(new Date(at.getTime() + 30_000)), at, null)).toBe(totpStepAt(at) + 1);
    expect(matchTotp(secret, code(new Date(at.getTime() + 90_000)), at, null)).toBeNull();
  });

  it("refuses a code whose step is not after the last accepted one", () => {
    expect(matchTotp(secret, code(at), at, totpStepAt(at))).toBeNull();
    expect(matchTotp(secret, code(at), at, totpStepAt(at) - 1)).toBe(totpStepAt(at));
  });
});

describe("staff input schemas", () => {
  it("normalises the e-mail, rejects unknown fields and says what to do in Chinese", () => {
    expect(SignInInput.parse({ email: " A@B.CN ", password: " x " })).toEqual({ email: "a@b.cn", password: " x " });
    expect(SignInInput.safeParse({ email: "a@b.cn", password: "x", role: "admin" }).success).toBe(false);
    expect(TotpCodeInput.safeParse({ code: "12345" }).error?.issues[0]?.message).toBe("请输入验证器应用中显示的6位数字验证码");
    expect(InviteUserInput.safeParse({ email: "a@b.cn", displayName: "甲", role: "root" }).error?.issues[0]?.message).toBe("请选择角色");
  });
});

describe("the decoy hash for unknown accounts", () => {
  it("is a well-formed hash at the same parameters, so verifying against it costs what a real one does", async () => {
    const { DECOY_HASH } = await import("../../../functions/auth/password-hash");
    expect(DECOY_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(DECOY_HASH, "anything")).toBe(false);
  });
});
