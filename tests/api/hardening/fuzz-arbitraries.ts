/**
 * fast-check generators of malformed request bodies for the public POSTs (issue 15 item 1).
 * Each generated request is malformed by construction, so the only right answer is a 4xx that
 * stores nothing: raw noise under any content type; broken multipart (boundaries wrong, empty
 * or missing, LF line ends, truncated, nameless or repeated parts); forms whose names abuse
 * the dotted paths (huge or sparse indices, `length`, deep or long names, thousands of fields);
 * JSON that is broken, not an object, or nested deep; and, most searching, an endpoint's own
 * valid body with ONE value replaced by a value no field accepts (control, bidi, lone
 * surrogate or zero-width-only text, a number, an object, an array), or a filled honeypot,
 * as text or as a file part.
 */
import fc from "fast-check";
import { VALID_COMPLAINT } from "../../fixtures/complaints";
import { validApplication } from "../../fixtures/enrolment";

export type FuzzRequest = { label: string; type: string | null; body: Uint8Array };

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Values no public field accepts (never null, "", true or false, which some fields take). */
const badChar = fc.constantFrom("\u0000", "\u0007", "\u000b", "\u001b", "\u007f", "\u0085", "\u009b", "\u202e", "\u2066", "\u200f", "\ud800", "\udfff");
const badString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 12 }), badChar, fc.string({ maxLength: 12 })).map(([a, c, b]) => `${a}${c}${b}`),
  fc.array(fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060"), { minLength: 1, maxLength: 20 }).map((a) => a.join("")),
);
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: badString },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.dictionary(fc.string({ maxLength: 8 }), badString, { maxKeys: 3 }),
  fc.array(badString, { minLength: 1, maxLength: 3 }),
);

/** The flat `name=value` pairs of a nested value (dotted paths, as the forms post them). */
export function pairsOf(value: unknown, prefix = ""): [string, string][] {
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => pairsOf(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}

/** The valid body each endpoint would take (the fuzz breaks one value of it). */
export function validBodyOf(path: string): Record<string, unknown> {
  if (path === "/api/complaints") return { ...VALID_COMPLAINT };
  if (path.startsWith("/api/complaints/track")) return { reference: "TS2026-00001", code: "abcdefghijklmnop", text: "补充一些情况说明。", rating: "satisfied", reason: "答复没有回答问题。" };
  if (path === "/api/enrol/applications") return validApplication();
  if (path === "/api/enrol/draft") {
    const { consents: _given, ...draft } = validApplication();
    return draft;
  }
  if (path === "/api/enrol/draft/step") {
    const { consents: _given, ...draft } = validApplication();
    return { ...draft, step: "specialNeeds", nav: "next" };
  }
  if (path === "/api/enrol/draft/submit") return { consents: { childData: "yes", declaration: "yes" } };
  if (path === "/api/enrol/recover") return { reference: "RX2026-00001", phone: "13812345678" };
  if (path.startsWith("/api/enrol/track")) return { reference: "RX2026-00001", accessCode: "ABCD-EFGH-JKLM" };
  return { email: "someone@example.gov.cn", password: "correct horse battery staple" };
}

/**
 * Paths whose value is checked by the schema before anything is stored. A sign-in's password
 * is any string (spaces are part of it): a wrong one is a sign-in attempt, audited, not a
 * malformed request, so only the e-mail is broken there.
 */
const breakable = (path: string, body: Record<string, unknown>) => (path === "/api/staff/auth/sign-in" ? ["email"] : pairsOf(body).map(([p]) => p));

/** The body as form fields: the enrolment script posts its application as one JSON field. */
const formPairs = (path: string, body: Record<string, unknown>): [string, string][] =>
  path === "/api/enrol/applications" ? [["application", JSON.stringify(body)]] : pairsOf(body);

/**
 * One value of a nested object replaced (by dotted path) with a value no field accepts: any
 * bad value for JSON, a bad string for a form (a form sends `0` for the number 0, which an
 * address may well be).
 */
function breakOne(path: string, body: Record<string, unknown>, values: fc.Arbitrary<unknown> = badValue): fc.Arbitrary<Record<string, unknown>> {
  const paths = breakable(path, body);
  return fc.tuple(fc.constantFrom(...paths), values).map(([path, value]) => {
    const copy = structuredClone(body) as Record<string, unknown>;
    const keys = path.split(".");
    let node = copy as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys.at(-1)!] = value;
    return copy;
  });
}

const CRLF = "\r\n";
type Part = { name: string | null; value: string; filename?: string };
function multipartText(parts: Part[], boundary: string, eol = CRLF, close = true): string {
  const body = parts
    .map((p) => {
      const disposition = `Content-Disposition: form-data${p.name === null ? "" : `; name="${p.name}"`}${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
      const type = p.filename === undefined ? "" : `${eol}Content-Type: application/octet-stream`;
      return `--${boundary}${eol}${disposition}${type}${eol}${eol}${p.value}${eol}`;
    })
    .join("");
  return close ? `${body}--${boundary}--${eol}` : body;
}

/** Names that abuse the dotted paths. */
const abusiveName = fc.oneof(
  fc.constantFrom("preferences.100000000", "preferences.length", "guardians.4294967295.name", "preferences.65", "child.__proto__.x", "a..b", ".", "", "constructor.prototype.x"),
  fc.array(fc.constantFrom("a", "0", "1", "x", "99"), { minLength: 7, maxLength: 40 }).map((s) => s.join(".")),
  fc.integer({ min: 101, max: 2000 }).map((n) => "n".repeat(n)),
  fc.tuple(fc.constantFrom("preferences", "guardians"), fc.integer({ min: 65, max: 2 ** 31 })).map(([a, i]) => `${a}.${i}`),
);

const boundaryHeader = fc.constantFrom("multipart/form-data; boundary=B", "multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=WRONG", "multipart/form-data; boundary=\"B\"; charset=utf-8", "MULTIPART/FORM-DATA; boundary=B");
const anyType = fc.constantFrom<string | null>("application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=B", "text/plain", "application/xml", "application/json; charset=utf-16", null, "");

/** A malformed request for one endpoint. */
export function malformedRequest(path: string): fc.Arbitrary<FuzzRequest> {
  const valid = validBodyOf(path);
  const validPairs = () => formPairs(path, valid);
  const broken = breakOne(path, valid);
  const brokenForm = breakOne(path, valid, badString);
  return fc.oneof(
    // Noise under any content type.
    fc.tuple(anyType, fc.uint8Array({ maxLength: 300 })).map(([type, body]) => ({ label: "noise", type, body })),
    fc.tuple(anyType, fc.string({ unit: "binary", maxLength: 200 })).map(([type, s]) => ({ label: "text noise", type, body: utf8(s) })),
    // JSON: broken, not an object, deep.
    fc.tuple(fc.json(), fc.nat()).map(([json, cut]) => ({ label: "truncated JSON", type: "application/json", body: utf8(json.slice(0, cut % Math.max(json.length, 1))) })),
    fc.jsonValue().filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => ({ label: "JSON not an object", type: "application/json", body: utf8(JSON.stringify(v) ?? "") })),
    fc.integer({ min: 9, max: 3000 }).map((n) => ({ label: `JSON ${n} deep`, type: "application/json", body: utf8(`${'{"a":'.repeat(n)}1${"}".repeat(n)}`) })),
    broken.map((b) => ({ label: "JSON, one value broken", type: "application/json", body: utf8(JSON.stringify(b)) })),
    // Forms: one value broken, abusive names, honeypot as text.
    brokenForm.map((b) => ({ label: "form, one value broken", type: "application/x-www-form-urlencoded", body: utf8(new URLSearchParams(formPairs(path, b)).toString()) })),
    fc.tuple(fc.array(fc.tuple(abusiveName, fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([extra, withValid]) => ({
      label: "form, abusive names",
      type: "application/x-www-form-urlencoded",
      body: utf8(new URLSearchParams([...(withValid ? validPairs() : []), ...extra]).toString()),
    })),
    fc.integer({ min: 301, max: 3000 }).map((n) => ({ label: `form, ${n} fields`, type: "application/x-www-form-urlencoded", body: utf8(Array.from({ length: n }, (_, i) => `f${i}=x`).join("&")) })),
    fc.constant({ label: "form, honeypot filled", type: "application/x-www-form-urlencoded", body: utf8(new URLSearchParams([...validPairs(), ["website", "http://spam.example"]]).toString()) }),
    // Multipart: broken framing, nameless parts, honeypot as a file, one value broken.
    fc
      .tuple(brokenForm, boundaryHeader, fc.constantFrom(CRLF, "\n"), fc.boolean(), fc.nat())
      .map(([b, type, eol, close, cut]) => {
        const text = multipartText(formPairs(path, b).map(([name, value]) => ({ name, value })), "B", eol, close);
        return { label: "multipart, framing varied, one value broken", type, body: utf8(cut % 3 === 0 ? text.slice(0, cut % (text.length + 1)) : text) };
      }),
    fc.boolean().map((asFile) => ({
      label: "multipart, honeypot filled",
      type: "multipart/form-data; boundary=B",
      body: utf8(multipartText([...validPairs().map(([name, value]) => ({ name, value })), { name: "website", value: "spam", ...(asFile ? { filename: "x.bin" } : {}) }], "B")),
    })),
    fc.tuple(fc.array(fc.record({ name: fc.option(abusiveName, { nil: null }), value: fc.string({ maxLength: 20 }) }), { minLength: 1, maxLength: 6 }), fc.boolean()).map(([parts, withValid]) => ({
      label: "multipart, abusive or missing names",
      type: "multipart/form-data; boundary=B",
      body: utf8(multipartText([...(withValid ? validPairs().map(([name, value]) => ({ name, value })) : []), ...parts], "B")),
    })),
  );
}
