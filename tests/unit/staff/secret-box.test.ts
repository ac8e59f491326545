import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "../../../functions/auth/secret-box";
import { testSecrets } from "../../fixtures/test-app";

describe("sealed TOTP secrets", () => {
  const key = testSecrets().AUTH_SECRET;

  it("round-trips, and never stores the plaintext or the same ciphertext twice", async () => {
    const a = await sealSecret(key, "user-1", "JBSWY3DPEHPK3PXP");
    const b = await sealSecret(key, "user-1", "JBSWY3DPEHPK3PXP");
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(await openSecret(key, "user-1", a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("does not open for another account, under another key, or after tampering", async () => {
    const sealed = await sealSecret(key, "user-1", "JBSWY3DPEHPK3PXP");
    await expect(openSecret(key, "user-2", sealed)).rejects.toThrow();
    await expect(openSecret(testSecrets().AUTH_SECRET, "user-1", sealed)).rejects.toThrow();
    // Change the second-to-last character (whole ciphertext bits, unlike the last one's padding bits).
    const at = sealed.length - 2;
    const flipped = sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
    expect(flipped).not.toBe(sealed);
    await expect(openSecret(key, "user-1", flipped)).rejects.toThrow();
    await expect(openSecret(key, "user-1", "JBSWY3DPEHPK3PXP")).rejects.toThrow(/format/);
  });
});
