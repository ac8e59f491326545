import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../functions/config";
import { testSecrets } from "../fixtures/test-app";

describe("configuration", () => {
  it("uses the embedded database file and generated secrets by default outside production", () => {
    const generated = testSecrets();
    const config = parseConfig({}, () => generated);
    expect(config.env).toBe("development");
    expect(config.database.url).toBe("file:db/local.db");
    expect(config.secrets).toEqual({ ...generated, DATA_KEY_VERSION: "k1" });
  });

  it("refuses to run in production without every secret, naming each", () => {
    expect(() => parseConfig({ APP_ENV: "production" }, testSecrets)).toThrow(ConfigError);
    const secrets = testSecrets();
    expect(() => parseConfig({ APP_ENV: "production", DATA_KEY: secrets.DATA_KEY, INDEX_KEY: secrets.INDEX_KEY }, testSecrets)).toThrow(
      /AUTH_SECRET: required in production/,
    );
  });

  it("refuses a weak or placeholder key", () => {
    const secrets = testSecrets();
    expect(() => parseConfig({ APP_ENV: "production", ...secrets, DATA_KEY: "change-me" })).toThrow(/DATA_KEY/);
    expect(() => parseConfig({ APP_ENV: "production", ...secrets, DATA_KEY: btoa("too short") })).toThrow(/32 random bytes/);
  });

  it("refuses the same key used for two purposes", () => {
    const { DATA_KEY } = testSecrets();
    expect(() => parseConfig({ APP_ENV: "production", DATA_KEY, INDEX_KEY: DATA_KEY, AUTH_SECRET: DATA_KEY })).toThrow(/three different keys/);
  });

  it("accepts a complete production configuration", () => {
    const secrets = testSecrets();
    const config = parseConfig({ APP_ENV: "production", LIBSQL_URL: "libsql://db.example.turso.io", LIBSQL_AUTH_TOKEN: "t", ...secrets });
    expect(config).toMatchObject({ env: "production", database: { url: "libsql://db.example.turso.io", authToken: "t" }, secrets });
  });

  it("reads TRUST_PROXY as a number of trusted hops or a list of proxy addresses, and refuses anything else", () => {
    expect(parseConfig(testSecrets()).trustProxy).toEqual({ hops: 0 });
    expect(parseConfig({ ...testSecrets(), TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(parseConfig({ ...testSecrets(), TRUST_PROXY: "0" }).trustProxy).toEqual({ hops: 0 });
    expect(parseConfig({ ...testSecrets(), TRUST_PROXY: "2" }).trustProxy).toEqual({ hops: 2 });
    expect(parseConfig({ ...testSecrets(), TRUST_PROXY: "10.0.0.2, ::1" }).trustProxy).toEqual({ proxies: ["10.0.0.2", "::1"] });
    for (const bad of ["yes", "11", "proxy.local", "10.0.0.2:8080", ""]) expect(() => parseConfig({ ...testSecrets(), TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});
