/**
 * Request validation with the domain's zod schemas through Hono's `validator`, so the
 * typed client (`hc<AppType>`) knows each route's input. A rejection is a 422 with
 * `{ path, message }[]` in Chinese (SECURITY.md item 1); unknown fields are refused by the
 * strict schemas themselves.
 */
import { validator } from "hono/validator";
import type { z } from "zod";
import { DomainError } from "../src/domain/errors";
import { fieldErrorsOf } from "../src/forms/field-errors";
import { assertNoHoneypot } from "./middleware/honeypot";

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldErrorsOf(parsed.error);
  throw new DomainError("validation", fields[0]?.message ?? "提交的内容有误，请检查后重试。", { fields });
}

/** A public form's fields: the honeypot first (refused like a field error), then the strict schema. */
export function parseForm<S extends z.ZodType>(schema: S, fields: Record<string, unknown>): z.output<S> {
  return parseInput(schema, assertNoHoneypot(fields));
}

export const jsonBody = <S extends z.ZodType>(schema: S) => validator("json", (value) => parseInput(schema, value));
export const queryOf = <S extends z.ZodType>(schema: S) => validator("query", (value) => parseInput(schema, value));
export const paramsOf = <S extends z.ZodType>(schema: S) => validator("param", (value) => parseInput(schema, value));
