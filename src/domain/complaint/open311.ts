/**
 * Open311 GeoReport v2, read side (issue 22 item 7): the query the `requests` method takes
 * and the shapes of the documents it returns, as zod schemas the routes validate with, the
 * tests check documents against, and the OpenAPI description is generated from. Written from
 * the specification (open311.org GeoReport v2 and Service Discovery): W3C datetimes with a
 * time zone; comma lists for `service_request_id`, `service_code` and `status`; a range of at
 * most 90 days, the most recent 90 days by default, at most 1,000 requests; an empty
 * parameter is the same as an absent one; errors are an array of `{code, description}`.
 */
import { z } from "zod";
import { COMPLAINT_CATEGORIES } from "./categories";

export const OPEN311_MAX_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;
export const OPEN311_SPEC = "http://wiki.open311.org/GeoReport_v2";

/** A W3C datetime with its time zone (Z or ±hh:mm), as the spec requires. */
export const W3cDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, "必须是带时区的W3C日期时间，例如2026-09-01T00:00:00+08:00。")
  .refine((s) => !Number.isNaN(Date.parse(s)), "不是有效的日期时间。")
  .meta({ description: "W3C datetime with a time zone, e.g. 2026-09-01T00:00:00+08:00" });

/** The opaque public id of a listed complaint (16 hex digits). */
export const Open311RequestId = z.string().regex(/^[0-9a-f]{16}$/, "service_request_id是16位十六进制数字。");

/** An empty parameter is the same as an absent one (spec: "Optional Arguments"). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const commaList = <T extends z.ZodType<unknown, string>>(item: T, what: string) =>
  optional(
    z
      .string()
      .transform((s) => s.split(",").map((x) => x.trim()))
      .pipe(z.array(item).min(1).max(200, `${what}最多200项。`)),
  ).meta({ description: `A comma-separated list (or the parameter repeated) of ${what.trim()} values` });

export const Open311JurisdictionQuery = z.object({ jurisdiction_id: optional(z.string().max(253)) });

export const Open311RequestsQuery = z.strictObject({
  jurisdiction_id: optional(z.string().max(253)),
  service_request_id: commaList(Open311RequestId, "service_request_id "),
  service_code: commaList(z.enum(COMPLAINT_CATEGORIES, "service_code不是本平台的服务代码，请查看services.json。"), "service_code "),
  status: commaList(z.enum(["open", "closed"], "status只能是open或closed。"), "status "),
  start_date: optional(W3cDateTime),
  end_date: optional(W3cDateTime),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuery>;

export const Open311Service = z.strictObject({
  service_code: z.enum(COMPLAINT_CATEGORIES),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});
export const Open311ServiceList = z.array(Open311Service);

export const Open311ServiceDefinition = z.strictObject({
  service_code: z.enum(COMPLAINT_CATEGORIES),
  attributes: z.array(z.strictObject({ variable: z.boolean(), code: z.string(), datatype: z.string(), required: z.boolean(), description: z.string(), order: z.number().int() })),
});

export const Open311Request = z.strictObject({
  service_request_id: Open311RequestId,
  status: z.enum(["open", "closed"]),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.enum(COMPLAINT_CATEGORIES),
  agency_responsible: z.string(),
  requested_datetime: W3cDateTime,
  updated_datetime: W3cDateTime,
  expected_datetime: W3cDateTime,
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311RequestList = z.array(Open311Request);

export const Open311Discovery = z.strictObject({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.strictObject({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(["production", "test"]),
      formats: z.array(z.string()),
    }),
  ),
});

export const Open311Errors = z.array(z.strictObject({ code: z.number().int(), description: z.string() })).min(1);
export type Open311Errors = z.infer<typeof Open311Errors>;
