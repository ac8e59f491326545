// Issue 15 item 1: each malformed body the attack run found answered 500 now gets a 4xx with a
// Chinese message and stores nothing, on every public POST.
import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { enrolmentApp } from "../enrolment/enrolment-app";
import { PUBLIC_POSTS, rawPost, rowCounts } from "./public-posts";

const CRLF = "\r\n";
const part = (name: string | null, value: string) =>
  `--B${CRLF}Content-Disposition: form-data${name === null ? "" : `; name="${name}"`}${CRLF}${CRLF}${value}${CRLF}`;

/** [label, body, content type] */
const MALFORMED: [string, string, string | null][] = [
  ["multipart, wrong boundary", `${part("category", "fees")}--B--${CRLF}`, "multipart/form-data; boundary=X"],
  ["multipart, empty boundary", `${part("category", "fees")}--B--${CRLF}`, "multipart/form-data; boundary="],
  ["multipart, no boundary parameter", `${part("category", "fees")}--B--${CRLF}`, "multipart/form-data"],
  ["multipart, no closing boundary", part("category", "fees"), "multipart/form-data; boundary=B"],
  ["multipart, LF-only line ends", `--B\nContent-Disposition: form-data; name="category"\n\nfees\n--B--\n`, "multipart/form-data; boundary=B"],
  ["multipart, empty body", "", "multipart/form-data; boundary=B"],
  ["multipart, a part with no name", `${part(null, "fees")}--B--${CRLF}`, "multipart/form-data; boundary=B"],
  ["multipart, 10,000 unknown parts", `${Array.from({ length: 10_000 }, (_, i) => part(`p${i}`, "x")).join("")}--B--${CRLF}`, "multipart/form-data; boundary=B"],
  ["multipart, a 300-character part name", `${part("n".repeat(300), "x")}--B--${CRLF}`, "multipart/form-data; boundary=B"],
  ["JSON, broken", `{"category": "fees",`, "application/json"],
  ["JSON, empty body", "", "application/json"],
  ["JSON, an array", `[1,2,3]`, "application/json"],
  ["JSON, a string", `"text"`, "application/json"],
  ["JSON, nested 5,000 deep", `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`, "application/json"],
  ["urlencoded, garbage", "%%%&&&===", "application/x-www-form-urlencoded"],
  ["urlencoded, empty", "", "application/x-www-form-urlencoded"],
  ["urlencoded, huge array index", "grade=1&preferences.0=x&preferences.100000000=y", "application/x-www-form-urlencoded"],
  ["urlencoded, sparse array", "preferences.0=x&preferences.5=y", "application/x-www-form-urlencoded"],
  ["urlencoded, 40 levels deep", `${Array.from({ length: 40 }, (_, i) => `a${i}`).join(".")}=x`, "application/x-www-form-urlencoded"],
  ["urlencoded, a 300-character name", `${"n".repeat(300)}=x`, "application/x-www-form-urlencoded"],
  ["urlencoded, 2,000 fields", Array.from({ length: 2000 }, (_, i) => `f${i}=x`).join("&"), "application/x-www-form-urlencoded"],
  ["no content type", "category=fees", null],
  ["text/plain", "category=fees", "text/plain"],
];

const isChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe("malformed request bodies on every public POST", () => {
  const tempDb = useTempDb();

  it("are answered 4xx with a Chinese message and store nothing", async () => {
    const { app } = enrolmentApp(tempDb());
    const before = await rowCounts(tempDb().db);
    const failures: string[] = [];
    let client = 0;
    for (const path of PUBLIC_POSTS) {
      for (const [label, body, type] of MALFORMED) {
        // A fresh client address per request, so the rate limits never hide the answer.
        const res = await rawPost(app, path, body, type, { "X-Test-Client-Address": `198.51.${Math.floor(++client / 250)}.${client % 250}`, "Idempotency-Key": "fuzz-key-0001" });
        const text = await res.text();
        if (res.status < 400 || res.status >= 500) failures.push(`${path} · ${label}: ${res.status} ${text.slice(0, 120)}`);
        else if (!isChinese(text)) failures.push(`${path} · ${label}: ${res.status} without a Chinese message: ${text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(tempDb().db)).toEqual(before);
  });
});
