/**
 * Migrant-children enrolment (issue 6): applications, their documents, their timeline, and
 * allocation runs (waitlists are part of the published result and move with
 * src/domain/enrolment/allocation's moveWaitlist). What staff filter on (intake, grade,
 * township, preferences, state) is stored in clear; who the family is sits in two sealed columns (AES-256-GCM with a
 * key-version prefix, functions/platform/field-crypto): `personal` (names, phones, address
 * detail, hukou, work) and `sensitive` (ID numbers, permit number, disability), each bound to
 * the application id. One application per child per intake: a unique index on the keyed HMAC
 * blind index of the child's ID number (SECURITY.md item 13). Times are ISO 8601 UTC.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPLICATION_STATES } from "../../src/domain/enrolment/states";
import { WITNESS_ROLES } from "../../src/domain/enrolment/draw/commit-reveal";
import { DOCUMENT_KINDS, DOCUMENT_REVIEWS, GRADES, INELIGIBLE_REASONS } from "../../src/domain/enrolment/vocabulary";

/**
 * The review queue's sort key (issue 19): what waits for a reviewer first (submitted, and
 * under review, where a family's added information puts it), oldest submission first, then
 * every other application, oldest first. An expression over unqualified columns, the same
 * text in the indexes below and in the queue's ORDER BY, so SQLite reads pages off them.
 */
export const REVIEW_KEY = sql`(CASE WHEN state = 'submitted' OR state = 'under_review' THEN '0:' ELSE '1:' END || submitted_at)`;

/**
 * What the review queue lists (submitted applications, no drafts), as literal SQL: the WHERE
 * of the queue's partial indexes, and written exactly so in its queries
 * (services/enrolment/internal/application-queue), since SQLite uses a partial index only for
 * a query whose WHERE implies the index's.
 */
export const QUEUED = sql`state <> 'draft'`;

export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey(),
    intakeId: text("intake_id").notNull(),
    /** RX<year>-<5 digits>; null while a no-JS draft. */
    reference: text("reference").unique(),
    state: text("state", { enum: APPLICATION_STATES }).notNull(),
    grade: text("grade", { enum: GRADES }).notNull(),
    areaId: text("area_id").notNull(),
    communityId: text("community_id").notNull(),
    /** JSON array of section ids, in the family's order: any number of the grade's sections (no cap). */
    preferences: text("preferences").notNull(),
    /** Sealed JSON: names, phones, address detail, hukou, work. */
    personal: text("personal").notNull(),
    /** Sealed JSON: ID numbers, permit number and dates, special needs. */
    sensitive: text("sensitive").notNull(),
    /** HMAC-SHA256 (INDEX_KEY) of the child's ID number; null for drafts and duplicates. */
    childIndex: text("child_index"),
    /**
     * A second application for a child who already has one in the intake: the first
     * application's id. It is stored and acknowledged like any other (the caller learns
     * nothing, SECURITY.md item 13) but has no child index, so the unique index still holds
     * one real application per child; staff see the flag and cannot find it eligible.
     */
    duplicateOf: text("duplicate_of"),
    /** Points declared by the family (capped by the intake's rules); staff confirm them at review. */
    points: integer("points").notNull().default(0),
    /** 1 or 2 (补录): decided at submission by src/domain/enrolment/draw/round.ts. */
    round: integer("round").notNull().default(1),
    /** SHA-256 of the access code; the code itself is shown once and never stored. */
    accessCodeHash: text("access_code_hash"),
    /** SHA-256 of a no-JS draft's cookie token. */
    draftTokenHash: text("draft_token_hash").unique(),
    /** Failed access-code attempts since the last success (per-reference guessing limit). */
    failedLookups: integer("failed_lookups").notNull().default(0),
    lookupLockedUntil: text("lookup_locked_until"),
    consentNoticeVersion: text("consent_notice_version"),
    consentAt: text("consent_at"),
    /**
     * Which guardian gave the consent (an index into the sealed guardians list). The form names
     * the first guardian as the applicant, and the consent box is theirs ("我是孩子的监护人，同意…"),
     * so a submission records 0; a consent taken from the other guardian later would record 1.
     */
    consentGuardian: integer("consent_guardian"),
    /** Separate consent to disability data (PIPL art. 29), when special needs were declared. */
    specialNeedsConsent: integer("special_needs_consent", { mode: "boolean" }).notNull().default(false),
    decisionReason: text("decision_reason", { enum: INELIGIBLE_REASONS }),
    /** Text for the family with a decision or a request for information (staff-written). */
    decisionText: text("decision_text"),
    /** The section offered, when offered/accepted/declined. */
    offerSection: text("offer_section"),
    offerDeadline: text("offer_deadline"),
    submittedAt: text("submitted_at"),
    /**
     * Whether any of its documents waits for review: a copy of application_documents kept by
     * triggers (migration 0017), so "documents to review" is an index lookup of just those
     * applications instead of a look at every application's documents (issue 19).
     */
    documentsPending: integer("documents_pending", { mode: "boolean" }).notNull().default(false),
    /** When the retention purge deletes it: the intake's end plus RETENTION.applicationMonths (drafts: a day). */
    retainUntil: text("retain_until").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("applications_child_per_intake").on(t.intakeId, t.childIndex),
    // The review queue (issue 19) pages by REVIEW_KEY then id within an intake, with or
    // without a state or grade filter: each index ends in (REVIEW_KEY, id), so a keyset page
    // at any depth is read off the index, never sorted. Those without a state hold only what
    // the queue lists (no drafts, QUEUED), so a count reads the index alone, never the (large,
    // sealed) rows (one with a state holds the state, which says the same);
    // "documents to review" has its own pair, led by the flag the document triggers keep.
    index("applications_review_idx").on(t.intakeId, REVIEW_KEY, t.id).where(QUEUED),
    // Not partial: the draw and the offers read it by state, and a state is never a draft's here.
    index("applications_state_review_idx").on(t.intakeId, t.state, REVIEW_KEY, t.id),
    index("applications_grade_review_idx").on(t.intakeId, t.grade, REVIEW_KEY, t.id).where(QUEUED),
    index("applications_documents_review_idx").on(t.intakeId, t.documentsPending, REVIEW_KEY, t.id).where(QUEUED),
    index("applications_documents_state_review_idx").on(t.intakeId, t.documentsPending, t.state, REVIEW_KEY, t.id).where(QUEUED),
  ],
);

/**
 * The review queue's school filter (issue 19): one row for each school an application names
 * (a preference or the offer), with its review key (REVIEW_KEY's value), written by triggers on applications for every application the queue lists
 * (migration 0017). Preferences are a JSON list, which no index reaches; this table is that
 * list as an index in queue order, so a school's page is a walk of its own rows and its count
 * never reads the rest of the intake.
 */
export const applicationSchools = sqliteTable(
  "application_schools",
  {
    applicationId: text("application_id").notNull(),
    intakeId: text("intake_id").notNull(),
    sectionId: text("section_id").notNull(),
    reviewKey: text("review_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.intakeId, t.sectionId, t.reviewKey, t.applicationId] }), index("application_schools_application_idx").on(t.applicationId)],
);

export const applicationDocuments = sqliteTable(
  "application_documents",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** Random key in the blob store; the bytes there are sealed. */
    blobKey: text("blob_key").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    review: text("review", { enum: DOCUMENT_REVIEWS }).notNull().default("pending"),
    reviewReason: text("review_reason"),
    uploadedAt: text("uploaded_at").notNull(),
  },
  (t) => [index("application_documents_app_idx").on(t.applicationId)],
);

/** The timeline a family sees on /track/ and staff see on the detail page. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    at: text("at").notNull(),
    /** The state-machine event (src/domain/enrolment/states) or `document_review`, `allocation`. */
    event: text("event").notNull(),
    toState: text("to_state", { enum: APPLICATION_STATES }),
    /** What the family is told (a reason, a request for documents); shown escaped. */
    message: text("message"),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId)],
);

/**
 * dry_run: a test run with a TEST- seed, never publishable. official: the round's draw from the
 * witnesses' seed, on the public draw log, offers not yet sent. published: its offers were sent.
 * superseded: an official draw replaced by a re-draw (its reason on the new ceremony); it stays
 * on the draw log beside the new one.
 */
export const ALLOCATION_RUN_STATES = ["dry_run", "official", "published", "superseded"] as const;

export const allocationRuns = sqliteTable("allocation_runs", {
  id: text("id").primaryKey(),
  intakeId: text("intake_id").notNull(),
  grade: text("grade", { enum: GRADES }).notNull(),
  /** The run's seed: the hash of the witnesses' reveals (official) or a TEST- seed (dry run); on the public draw log. */
  seed: text("seed").notNull(),
  state: text("state", { enum: ALLOCATION_RUN_STATES }).notNull(),
  /** JSON AllocationResult (src/domain/enrolment/allocation): counts, offers, waitlists, explanations. */
  result: text("result").notNull(),
  /** JSON PublishedAllocation: the anonymised file anyone can re-run; waitlists move on it. */
  published: text("published").notNull(),
  /** JSON object: pseudonymous public id → application id (never published). */
  applicantIds: text("applicant_ids").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: text("created_at").notNull(),
  publishedAt: text("published_at"),
  /** JSON PlacementRecord (src/domain/enrolment/draw/placement-record.ts): the 统筹安排 made at publication and what re-runs it; published beside `published`. Null before publication. */
  placement: text("placement"),
  round: integer("round").notNull().default(1),
  /** The ceremony whose frozen set and revealed seed an official draw used. */
  ceremonyId: text("ceremony_id"),
  /** SHA-256 of the offers (src/domain/enrolment/draw/commit-reveal.ts outcomeDigest). */
  outcomeDigest: text("outcome_digest"),
});

/**
 * One draw of one round of one grade (src/domain/enrolment/draw): the witnesses commit while
 * it is `committing`; `frozen` fixes the applicant set (its digest, seats and rules public);
 * `drawn` once the official draw ran on the revealed seed. A re-draw is a new ceremony with
 * its reason recorded; the earlier one stays on the public draw log.
 */
export const DRAW_CEREMONY_STATES = ["committing", "frozen", "drawn"] as const;

export const drawCeremonies = sqliteTable(
  "draw_ceremonies",
  {
    id: text("id").primaryKey(),
    intakeId: text("intake_id").notNull(),
    grade: text("grade", { enum: GRADES }).notNull(),
    round: integer("round").notNull(),
    state: text("state", { enum: DRAW_CEREMONY_STATES }).notNull(),
    /** Why this ceremony re-draws a round already drawn (null for the first). */
    redrawReason: text("redraw_reason"),
    openedAt: text("opened_at").notNull(),
    frozenAt: text("frozen_at"),
    /** JSON: the frozen inputs as published before the draw (digest, programs, applicants, rules). */
    frozenSet: text("frozen_set"),
    /** JSON object: pseudonymous id → application id (never published). */
    applicantIds: text("applicant_ids"),
    seed: text("seed"),
    drawnAt: text("drawn_at"),
  },
  (t) => [index("draw_ceremonies_round_idx").on(t.intakeId, t.grade, t.round)],
);

export const drawWitnesses = sqliteTable(
  "draw_witnesses",
  {
    id: text("id").primaryKey(),
    ceremonyId: text("ceremony_id")
      .notNull()
      .references(() => drawCeremonies.id),
    /** 1, 2, …: the order of commitment, which is the order of the seed's contributions. */
    position: integer("position").notNull(),
    role: text("role", { enum: WITNESS_ROLES }).notNull(),
    /** The witness's name as published (a public role, not a family's data). */
    name: text("name").notNull(),
    commitment: text("commitment").notNull(),
    committedAt: text("committed_at").notNull(),
    contribution: text("contribution"),
    revealedAt: text("revealed_at"),
  },
  (t) => [uniqueIndex("draw_witnesses_position").on(t.ceremonyId, t.position)],
);
