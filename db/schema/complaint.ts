/**
 * Complaints about school conduct (DOMAIN.md §4, issue 7). One row per case with its
 * current facts (status, department, clocks' dates, the approved answer), an append-only
 * event table that is the case's full history (the filer's timeline is its public rows),
 * and the pauses of the clock while staff wait for the filer. The filer's identity is
 * sealed with field-crypto (`contactSealed`, bound to the case id); the receipt code is
 * stored only as its SHA-256. Dates that clocks count (`*On`) are Asia/Shanghai calendar
 * dates; instants (`*At`) are ISO 8601 UTC.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { COMPLAINT_CATEGORIES } from "../../src/domain/complaint/categories";
import { CONTACT_MODES } from "../../src/domain/complaint/schemas";
import { NO_CLOCK_URGENCY, QUEUE_CLOCK_STATES } from "../../src/domain/complaint/queue-clock";
import { COMPLAINT_STATUSES, HISTORY_KINDS, OUTCOMES, RATINGS } from "../../src/domain/complaint/states";
import { DEPARTMENTS } from "../../src/domain/staff/departments";
import { STAFF_ROLES } from "../../src/domain/staff/roles";

export const complaints = sqliteTable(
  "complaints",
  {
    id: text("id").primaryKey(),
    /** TS<year>-<5 digits>, gap-free per year (services/references). */
    reference: text("reference").notNull().unique(),
    /** SHA-256 hex of the normalised receipt code (codes are ≥ 128 bits, so no slow hash). */
    receiptCodeHash: text("receipt_code_hash").notNull(),
    category: text("category", { enum: COMPLAINT_CATEGORIES }).notNull(),
    /** A school id from content/schools/schools.csv, or `none`. */
    school: text("school").notNull(),
    whatHappened: text("what_happened").notNull(),
    happenedOn: text("happened_on").notNull(),
    contactMode: text("contact_mode", { enum: CONTACT_MODES }).notNull(),
    /** JSON {name, phone, email} sealed with field-crypto; null for anonymous filers. */
    contactSealed: text("contact_sealed"),
    /**
     * Blind index (keyed HMAC, SECURITY.md item 13's kind) of a named filer's normalised phone,
     * so staff search a case by phone without the phone in clear; null for anonymous filers,
     * filers who gave only an e-mail, and cases filed before migration 0016 (never backfilled).
     */
    contactPhoneIndex: text("contact_phone_index"),
    departmentMayContact: integer("department_may_contact", { mode: "boolean" }).notNull(),
    publishConsent: integer("publish_consent", { mode: "boolean" }).notNull(),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull(),
    /** The department handling it; null until triage assigns it. */
    department: text("department", { enum: DEPARTMENTS }),
    receivedAt: text("received_at").notNull(),
    receivedOn: text("received_on").notNull(),
    decidedOn: text("decided_on"),
    acceptedOn: text("accepted_on"),
    notAcceptedReason: text("not_accepted_reason"),
    extensionDays: integer("extension_days").notNull().default(0),
    reviewRequestedOn: text("review_requested_on"),
    /** The liaison's draft, waiting for triage's approval. */
    draftOutcome: text("draft_outcome", { enum: OUTCOMES }),
    draftAnswer: text("draft_answer"),
    draftSummary: text("draft_summary"),
    /** The approved answer the filer reads. */
    outcome: text("outcome", { enum: OUTCOMES }),
    answer: text("answer"),
    answeredOn: text("answered_on"),
    /** The due date the answer was measured against (extension and pauses included). */
    answerDue: text("answer_due"),
    /** Redacted summary published on the statistics page (only with publishConsent). */
    publicSummary: text("public_summary"),
    rating: text("rating", { enum: RATINGS }),
    mergedInto: text("merged_into"),
    /** Wrong receipt codes against this reference; lookups lock after too many. */
    failedLookups: integer("failed_lookups").notNull().default(0),
    updatedAt: text("updated_at").notNull(),
    /**
     * The queue's copy of the live clock (src/domain/complaint/queue-clock `queueClock` of
     * `caseClocks`), rewritten with every case event (services/complaint/internal/queue-clock):
     * the due date (null when no clock runs), `running`/`paused`, and `urgency`, the queue's
     * sort key. `clockOn` is the Beijing date they were computed on; null means not yet
     * (rows from before migration 0014, filled in at start).
     */
    dueOn: text("due_on"),
    clockState: text("clock_state", { enum: QUEUE_CLOCK_STATES }),
    urgency: text("urgency").notNull().default(NO_CLOCK_URGENCY),
    clockOn: text("clock_on"),
    /** Days of an extension asked for and not yet approved (caseClocks), for the supervisor's count. */
    pendingExtensionDays: integer("pending_extension_days").notNull().default(0),
    /** When the filer last added information that no staff step has followed yet (record-event). */
    informationReceivedAt: text("information_received_at"),
    /** The staff member (user id) the case is assigned to for handling; null when nobody. */
    assignedTo: text("assigned_to"),
  },
  // The staff queue reads a page in (received_at, id) order under any mix of its filters
  // (status, category, department; a liaison always has department). Each index ends in the
  // queue order, so SQLite walks the first page straight off it instead of sorting every
  // matching row, counts the filter from the index alone, and skips deep pages inside it
  // (list-complaints selects the page's ids first). The narrow one-column indexes stay for
  // the totals: SQLite counts a filter from the smallest index that holds it, and a count of
  // most of a million rows reads a sixth of the bytes off `status` alone.
  (t) => [
    index("complaints_status_idx").on(t.status),
    index("complaints_category_idx").on(t.category),
    index("complaints_department_idx").on(t.department),
    index("complaints_received_idx").on(t.receivedOn),
    index("complaints_queue_idx").on(t.receivedAt, t.id),
    index("complaints_status_queue_idx").on(t.status, t.receivedAt, t.id),
    index("complaints_category_queue_idx").on(t.category, t.receivedAt, t.id),
    index("complaints_category_status_queue_idx").on(t.category, t.status, t.receivedAt, t.id),
    index("complaints_department_queue_idx").on(t.department, t.receivedAt, t.id),
    index("complaints_department_status_queue_idx").on(t.department, t.status, t.receivedAt, t.id),
    // Issue 19: the queue's default order is most urgent first, (urgency, id), keyset-paged;
    // one index per filter a page may carry, each ending in that order, so a page of any
    // filter at any depth is a short walk off one index (docs/performance.md).
    index("complaints_urgency_idx").on(t.urgency, t.id),
    index("complaints_status_urgency_idx").on(t.status, t.urgency, t.id),
    index("complaints_category_urgency_idx").on(t.category, t.urgency, t.id),
    index("complaints_department_urgency_idx").on(t.department, t.urgency, t.id),
    index("complaints_department_status_urgency_idx").on(t.department, t.status, t.urgency, t.id),
    index("complaints_school_urgency_idx").on(t.school, t.urgency, t.id),
    index("complaints_assigned_urgency_idx").on(t.assignedTo, t.urgency, t.id),
    index("complaints_clock_pending_idx").on(t.clockOn),
    // The "waiting" filters match a handful of cases among a million: each has a partial index
    // of just those cases in queue order, so its page is never a walk of the whole queue
    // looking for them (seconds at 1,000,000 rows). The WHERE of each is written in the query
    // exactly so (WAITING_TERMS in services/complaint/internal/complaint-queue).
    index("complaints_waiting_draft_idx").on(t.urgency, t.id).where(sql`draft_answer IS NOT NULL`),
    index("complaints_waiting_extension_idx").on(t.urgency, t.id).where(sql`pending_extension_days > 0`),
    index("complaints_waiting_information_idx").on(t.urgency, t.id).where(sql`information_received_at IS NOT NULL`),
    // Issue 19: search by the filer's phone is an exact match on its blind index.
    index("complaints_contact_phone_idx").on(t.contactPhoneIndex),
  ],
);

export const COMPLAINT_EVENT_KINDS = HISTORY_KINDS;

/** Public events are shown to the filer; internal ones (notes, drafts) only to staff. */
export const EVENT_VISIBILITIES = ["public", "internal"] as const;

export const complaintEvents = sqliteTable(
  "complaint_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: text("complaint_id")
      .notNull()
      .references(() => complaints.id),
    at: text("at").notNull(),
    kind: text("kind", { enum: COMPLAINT_EVENT_KINDS }).notNull(),
    visibility: text("visibility", { enum: EVENT_VISIBILITIES }).notNull(),
    /** Null for the filer. */
    actorId: text("actor_id"),
    actorRole: text("actor_role", { enum: STAFF_ROLES }),
    /** Free text written by the filer or staff (escaped wherever shown). */
    text: text("text"),
    /** A short code: a category, department, outcome, rating or number of days. */
    detail: text("detail"),
  },
  (t) => [index("complaint_events_case_idx").on(t.complaintId)],
);

export const complaintPauses = sqliteTable(
  "complaint_pauses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: text("complaint_id")
      .notNull()
      .references(() => complaints.id),
    fromOn: text("from_on").notNull(),
    toOn: text("to_on"),
  },
  (t) => [index("complaint_pauses_case_idx").on(t.complaintId)],
);

/**
 * Files a filer attached (images or PDF): checked by content and stripped of metadata by
 * services/uploads, sealed in the blob store under a random key bound to `sealContext`.
 * Only staff who may read the case download them.
 */
export const complaintAttachments = sqliteTable(
  "complaint_attachments",
  {
    id: text("id").primaryKey(),
    complaintId: text("complaint_id")
      .notNull()
      .references(() => complaints.id),
    blobKey: text("blob_key").notNull(),
    /** The field-crypto context the blob is sealed under. */
    sealContext: text("seal_context").notNull(),
    contentType: text("content_type").notNull(),
    originalName: text("original_name").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("complaint_attachments_case_idx").on(t.complaintId)],
);
