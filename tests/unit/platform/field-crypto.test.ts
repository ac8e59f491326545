import { describe, expect, it } from "vitest";
import { blindIndex, openBytes, openField, sealBytes, sealField, type FieldKeys } from "../../../functions/platform/field-crypto";
import { maskEmail, maskIdNumber, maskPhone } from "../../../src/domain/masking";
import { testSecrets } from "../../fixtures/test-app";

const keysOf = (): FieldKeys => {
  const s = testSecrets();
  return { dataKey: s.DATA_KEY, indexKey: s.INDEX_KEY };
};

describe("sealed fields", () => {
  const keys = keysOf();
  const ctx = "application:a1:child.idNumber";

  it("round-trips with a key-version prefix, never storing the plaintext or the same ciphertext twice", async () => {
    const a = await sealField(keys, ctx, "11010519491231002X");
    const b = await sealField(keys, ctx, "11010519491231002X");
    expect(a).toMatch(/^k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain("11010519491231002X");
    expect(a).not.toBe(b);
    expect(await openField(keys, ctx, a)).toBe("11010519491231002X");
  });

  it("does not open in another context, under another key, or after tampering", async () => {
    const sealed = await sealField(keys, ctx, "11010519491231002X");
    await expect(openField(keys, "application:a2:child.idNumber", sealed)).rejects.toThrow();
    await expect(openField(keysOf(), ctx, sealed)).rejects.toThrow();
    const at = sealed.length - 2;
    await expect(openField(keys, ctx, sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1))).rejects.toThrow();
    await expect(openField(keys, ctx, sealed.replace(/^k1/, "v1"))).rejects.toThrow(/format/);
  });

  it("seals bytes the same way", async () => {
    const plain = new Uint8Array([1, 2, 3, 250, 0, 7]);
    const sealed = await sealBytes(keys, "doc:1", plain);
    expect(new TextDecoder().decode(sealed.subarray(0, 2))).toBe("k1");
    expect(sealed.length).toBe(2 + 12 + plain.length + 16);
    expect(await openBytes(keys, "doc:1", sealed)).toEqual(plain);
    await expect(openBytes(keys, "doc:2", sealed)).rejects.toThrow();
    const tampered = new Uint8Array(sealed);
    tampered[20]! ^= 1;
    await expect(openBytes(keys, "doc:1", tampered)).rejects.toThrow();
  });
});

describe("blind index", () => {
  const keys = keysOf();

  it("is stable for one key and purpose, normalising case, spaces and full-width characters", async () => {
    const a = await blindIndex(keys, "child-id", "11010519491231002X");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await blindIndex(keys, "child-id", " 110105 19491231002x")).toBe(a);
    expect(await blindIndex(keys, "child-id", "１１０１０５１９４９１２３１００２Ｘ")).toBe(a);
  });

  it("differs by purpose, by value and by key", async () => {
    const a = await blindIndex(keys, "child-id", "11010519491231002X");
    expect(await blindIndex(keys, "guardian-id", "11010519491231002X")).not.toBe(a);
    expect(await blindIndex(keys, "child-id", "110105194912310039")).not.toBe(a);
    expect(await blindIndex(keysOf(), "child-id", "11010519491231002X")).not.toBe(a);
  });
});

describe("display masks", () => {
  it("keeps the region code and last four digits of an ID number", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("138 1234 5678")).toBe("138****5678");
  });
  it("never returns short values in full", () => {
    expect(maskIdNumber("1234")).toBe("****");
    expect(maskPhone("567")).toBe("***");
    expect(maskEmail("zhang.san@example.cn")).toBe("z********@example.cn");
  });
});

describe("the data key ring (rotation)", () => {
  const k1 = keysOf();
  const k2: FieldKeys = { dataKey: testSecrets().DATA_KEY, indexKey: k1.indexKey, dataKeyVersion: "k2", previousDataKeys: { k1: k1.dataKey } };
  const k2only: FieldKeys = { ...k2, previousDataKeys: {} };
  const ctx = "complaint:c1:contact";

  it("seals under the current version and opens older versions with the previous keys", async () => {
    const old = await sealField(k1, ctx, "王小明");
    const fresh = await sealField(k2, ctx, "王小明");
    expect(fresh).toMatch(/^k2\./);
    expect(await openField(k2, ctx, old)).toBe("王小明");
    expect(await openField(k2only, ctx, fresh)).toBe("王小明");
    const bytes = await sealBytes(k2, ctx, new Uint8Array([1, 2, 3]));
    expect(new TextDecoder().decode(bytes.subarray(0, 2))).toBe("k2");
    expect([...(await openBytes(k2only, ctx, bytes))]).toEqual([1, 2, 3]);
    expect([...(await openBytes(k2, ctx, await sealBytes(k1, ctx, new Uint8Array([9]))))]).toEqual([9]);
  });

  it("refuses a version the ring lacks, naming the version and no key", async () => {
    const old = await sealField(k1, ctx, "王小明");
    const error = await openField(k2only, ctx, old).catch((e: Error) => e);
    expect(String(error)).toContain("data key k1, which is not configured");
    expect(String(error)).not.toContain(k1.dataKey.slice(0, 10));
    await expect(openField(k2only, ctx, old.replace(/^k1/, "k0"))).rejects.toThrow(/unknown sealed-field format/);
  });

  it("derives k1 exactly as before the ring existed (values sealed earlier still open)", async () => {
    const sealedWithoutVersion = await sealField({ dataKey: k1.dataKey, indexKey: k1.indexKey }, ctx, "x");
    expect(await openField({ ...k1, dataKeyVersion: "k1" }, ctx, sealedWithoutVersion)).toBe("x");
  });
});
