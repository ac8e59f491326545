/**
 * The OpenAPI 3.1 document of the public API, built from `publicOperations` (./operations)
 * with zod 4's `z.toJSONSchema`: request bodies and parameters from the input side of the
 * routes' own schemas, responses from the output side. JSON Schema 2020-12 is OpenAPI 3.1's
 * dialect, so the schemas go in as they come out. Built per catalogue (the enrolment form's
 * school choices come from the current intake), so the document says what the API accepts now.
 */
import { z } from "zod";
import type { Catalogue } from "../../src/domain/enrolment/catalogue";
import { ApiError, publicOperations, type Operation, type Reply } from "./operations";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const TAGS = [
  { name: "complaints", description: "Filing and tracking complaints about school conduct" },
  { name: "statistics", description: "Public complaint figures under the disclosure rules" },
  { name: "open311", description: "Open311 GeoReport v2, read side (JSON and XML)" },
  { name: "enrolment", description: "Migrant-children enrolment: applying, tracking, published results" },
  { name: "health", description: "Whether the service can answer" },
  { name: "api", description: "This description" },
];

function parameters(op: Operation) {
  const query = op.query ? Object.entries((jsonSchema(op.query, "input").properties ?? {}) as Record<string, JsonSchema>) : [];
  const path = Object.entries(op.pathParams ?? {}).map(([name, s]) => [name, jsonSchema(s, "input")] as const);
  return [
    ...path.map(([name, schema]) => ({ name, in: "path", required: true, schema })),
    ...query.map(([name, { description, ...schema }]) => ({ name, in: "query", required: false, schema, ...(description ? { description } : {}) })),
  ];
}

function requestBody(op: Operation) {
  if (!op.body) return undefined;
  const { schema, types, description, part } = op.body;
  const body = jsonSchema(schema, "input");
  const content = Object.fromEntries(
    types.map((type) =>
      part
        ? [type, { schema: { type: "object", properties: { [part]: body }, required: [part] }, encoding: { [part]: { contentType: "application/json" } } }]
        : [type, { schema: body }],
    ),
  );
  return { required: true, content, ...(description ? { description } : {}) };
}

function response(r: Reply) {
  if (r.schema) return { description: r.description, content: { "application/json": { schema: jsonSchema(r.schema, "output") } } };
  if (r.type) return { description: r.description, content: { [r.type]: { schema: { type: "string" } } } };
  return { description: r.description };
}

export function openApiDocument(catalogue: Catalogue) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of publicOperations(catalogue)) {
    const params = parameters(op);
    const body = requestBody(op);
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        ...Object.fromEntries(op.replies.map((r) => [String(r.status), response(r)])),
        // Any route can refuse a request (body limit, storage down, unknown path); say so where no 4xx is named.
        ...(op.replies.some((r) => r.status >= 400 && r.status < 500) ? {} : { "4XX": response({ status: 400, description: "A refused request", schema: ApiError }) }),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "义务教育均衡发展公开平台：公开接口",
      version: "1",
      summary: "Complaints, their statistics and Open311, and migrant-children enrolment",
      description: "The portal's public API. Staff endpoints are not described. Messages are in Simplified Chinese; dates in Beijing time.",
      license: { name: "Open data: see the portal's open-data page", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: "/api" }],
    // Public endpoints need no credentials.
    security: [],
    tags: TAGS,
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
