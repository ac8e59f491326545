/**
 * Server-side drafts for the no-JavaScript path: the checked form is kept as an application
 * in state `draft` (sealed like any application, no reference, no child index), found again by
 * a random token in a `__Host-` cookie whose SHA-256 is stored. That makes the multi-step
 * flow (check answers, change, documents, declaration) work without script, and submitting
 * a draft is naturally idempotent: its idempotency key is derived from the draft id.
 * Drafts older than DRAFT_HOURS are purged (functions/services/enrolment/purge-enrolment).
 */
import { and, eq } from "drizzle-orm";
import { applications } from "../../../db/schema";
import type { DraftInput } from "../../../src/domain/enrolment/application";
import type { Catalogue } from "../../../src/domain/enrolment/catalogue";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { SecureCtx } from "../context";
import { openApplication, sealApplication } from "./application-record";

export const DRAFT_COOKIE = "enrol_draft";
export const DRAFT_HOURS = 24;

async function tokenHash(token: string): Promise<string> {
  return encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token))));
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function saveDraft({ ctx, catalogue, token, draft }: { ctx: SecureCtx; catalogue: Catalogue; token: string | undefined; draft: DraftInput }): Promise<{ id: string; token: string }> {
  const at = ctx.clock.now().toISOString();
  const found = token ? await findDraftRow(ctx, token) : undefined;
  if (found && token) {
    await ctx.db.update(applications).set({ ...(await sealApplication(ctx.keys, found.id, draft, catalogue)), updatedAt: at }).where(eq(applications.id, found.id));
    return { id: found.id, token };
  }
  const id = crypto.randomUUID();
  const fresh = newToken();
  await ctx.db.insert(applications).values({
    id,
    intakeId: catalogue.intake.id,
    state: "draft",
    ...(await sealApplication(ctx.keys, id, draft, catalogue)),
    draftTokenHash: await tokenHash(fresh),
    retainUntil: new Date(ctx.clock.now().getTime() + DRAFT_HOURS * 3600 * 1000).toISOString(),
    createdAt: at,
    updatedAt: at,
  });
  return { id, token: fresh };
}

async function findDraftRow(ctx: SecureCtx, token: string) {
  const cutoff = new Date(ctx.clock.now().getTime() - DRAFT_HOURS * 3600 * 1000).toISOString();
  const row = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.draftTokenHash, await tokenHash(token)), eq(applications.state, "draft")))
    .get();
  return row && row.createdAt >= cutoff ? row : undefined;
}

/** The draft row a cookie names, in any state (a second click on submit finds it submitted). */
export async function draftRowForSubmit(ctx: SecureCtx, token: string | undefined) {
  if (!token) return undefined;
  return ctx.db.select().from(applications).where(eq(applications.draftTokenHash, await tokenHash(token))).get();
}

export async function loadDraft({ ctx, token }: { ctx: SecureCtx; token: string | undefined }): Promise<{ id: string; draft: DraftInput } | null> {
  if (!token) return null;
  const row = await findDraftRow(ctx, token);
  return row ? { id: row.id, draft: await openApplication(ctx.keys, row) } : null;
}
