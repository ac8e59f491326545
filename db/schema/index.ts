/** Every drizzle table, one file per aggregate. drizzle-kit reads this for migrations. */
export * from "./app-meta";
export * from "./staff";
export * from "./audit";
export * from "./rate-limit";
export * from "./idempotency";
export * from "./reference-counter";
export * from "./outbox";
export * from "./enrolment";
export * from "./complaint";
