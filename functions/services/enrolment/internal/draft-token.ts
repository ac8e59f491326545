/**
 * Server-side drafts for the no-JavaScript path, and how a cookie finds one: the checked form is kept as an application
 * in state `draft` (sealed like any application, no reference, no child index), found again by
 * a random token in a `__Host-` cookie whose SHA-256 is stored. That makes the multi-step
 * flow (check answers, change, documents, declaration) work without script, and submitting
 * a draft is naturally idempotent: its idempotency key is derived from the draft id.
 * Drafts older than the privacy notice's `RETENTION.draftHours` are purged
 * (functions/services/enrolment/purge-enrolment); the cookie lives as long.
 */
import { and, eq } from "drizzle-orm";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { applications } from "../../../../db/schema";
import { RETENTION } from "../../../../src/domain/privacy-notice";
import type { ServiceCtx } from "../../context";

export const DRAFT_COOKIE = "enrol_draft";
export const DRAFT_HOURS = RETENTION.draftHours;

export async function tokenHash(token: string): Promise<string> {
  return encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token))));
}

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function findDraftRow(ctx: ServiceCtx, token: string) {
  const cutoff = new Date(ctx.clock.now().getTime() - DRAFT_HOURS * 3600 * 1000).toISOString();
  const row = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.draftTokenHash, await tokenHash(token)), eq(applications.state, "draft")))
    .get();
  return row && row.createdAt >= cutoff ? row : undefined;
}

/** The draft row a cookie names, in any state (a second click on submit finds it submitted). */
export async function draftRowForSubmit(ctx: ServiceCtx, token: string | undefined) {
  if (!token) return undefined;
  return ctx.db.select().from(applications).where(eq(applications.draftTokenHash, await tokenHash(token))).get();
}

