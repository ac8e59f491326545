import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commitmentOf, Contribution, isTestSeed, outcomeDigest, revealMatches, seedFromReveals, testSeed } from "../../../../src/domain/enrolment/draw/commit-reveal";
import { Seed } from "../../../../src/domain/enrolment/allocation";

describe("commit–reveal", () => {
  it("accepts only the contribution behind a commitment", () => {
    const c = commitmentOf("notary-secret-0123456789");
    expect(revealMatches(c, "notary-secret-0123456789")).toBe(true);
    expect(revealMatches(c, "notary-secret-0123456788")).toBe(false);
    expect(revealMatches(c, "notary-secret-0123456789 ")).toBe(false);
  });

  it("derives the seed as documented: sha256sum of the reveals joined by newlines in commitment order", () => {
    const reveals = [
      { position: 2, contribution: "second-witness-abcdef" },
      { position: 1, contribution: "first-witness-abcdefg" },
      { position: 3, contribution: "third-witness-abcdefg" },
    ];
    const shell = execFileSync("sh", ["-c", "printf '%s\\n%s\\n%s' first-witness-abcdefg second-witness-abcdef third-witness-abcdefg | sha256sum"]).toString().slice(0, 64);
    expect(seedFromReveals(reveals)).toBe(shell);
    expect(Seed.safeParse(seedFromReveals(reveals)).success).toBe(true);
    expect(seedFromReveals([...reveals].reverse())).toBe(shell);
  });

  it("marks test seeds, which an official seed never is", () => {
    expect(isTestSeed(testSeed("x"))).toBe(true);
    expect(isTestSeed(seedFromReveals([{ position: 1, contribution: "a".repeat(16) }]))).toBe(false);
  });

  it("refuses short or odd contributions", () => {
    expect(Contribution.safeParse("short").success).toBe(false);
    expect(Contribution.safeParse("has space in it 1234").success).toBe(false);
    expect(Contribution.safeParse("witness-ok_0123456789").success).toBe(true);
  });

  it("fingerprints an outcome whatever the order of applicants", () => {
    const a = [{ id: "A1", offer: "P1" }, { id: "A2", offer: null }];
    expect(outcomeDigest(a)).toBe(outcomeDigest([...a].reverse()));
    expect(outcomeDigest(a)).not.toBe(outcomeDigest([{ id: "A1", offer: null }, { id: "A2", offer: "P1" }]));
  });
});
