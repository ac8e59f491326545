/**
 * Which complaints the portal lists one by one, and how (issue 22 item 5). The consent the
 * filer gives reads "同意在办结后公开一份去除个人信息的答复摘要", so a case is listed only when
 * its filer consented AND it has been concluded once (answered, not accepted, or closed); a
 * case reopened for review stays listed. Open cases appear only inside the suppressed counts.
 * A listed case is named by an opaque public id (a hash of its random internal id), never by
 * its reference: references are numbered without gaps, so two listed references would tell
 * how many cases (consenting or not) came in between. Dates go out at day resolution only
 * (midnight Beijing time), so the order of listed cases within a day tells nothing either.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { complaints } from "../../../../db/schema";
import type { ComplaintRow } from "./case-facts";

const CONCLUDED = ["not_accepted", "closed"] as const;

/** The SQL condition for listed cases. */
export const listedCaseWhere = and(eq(complaints.publishConsent, true), or(isNotNull(complaints.answeredOn), inArray(complaints.status, [...CONCLUDED])));

/** The same rule on a loaded row. */
export const isListedCase = (r: Pick<ComplaintRow, "publishConsent" | "answeredOn" | "status">): boolean =>
  r.publishConsent && (r.answeredOn !== null || (CONCLUDED as readonly string[]).includes(r.status));

/** 16 hex digits of SHA-256 over the case's random id: stable, unguessable, in no order. */
export const publicIdOf = (id: string): string => bytesToHex(sha256(utf8ToBytes(`open311:${id}`))).slice(0, 16);

/** A Shanghai calendar date as a W3C datetime at day resolution (midnight Beijing time). */
export const publicDateTime = (isoDate: string): string => `${isoDate.slice(0, 10)}T00:00:00+08:00`;
