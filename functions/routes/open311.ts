/**
 * `/api/open311/*`: Open311 GeoReport v2, read side, so existing civic tools can read the
 * complaints the portal lists (consenting and concluded, opaque ids, day-resolution dates;
 * services/complaint/internal/public-cases). Every document in JSON and XML (`.json`,
 * `.xml`): `discovery`, `v2/services`, `v2/services/<code>`, `v2/requests` (filters validated
 * with the domain's `Open311RequestsQuery`; invalid values are a 400) and
 * `v2/requests/<id>`. `jurisdiction_id` is accepted when it names this portal's host and a
 * wrong one is a 404, as the spec says. Errors are the spec's `[{code, description}]` (400
 * for a bad request, 404 for what does not exist). GET is open to every origin (CORS). No
 * POST: filing goes through /complain/, which asks for the consents the standard has no field for.
 */
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Open311RequestsQuery, type Open311Errors } from "../../src/domain/complaint/open311";
import { DomainError } from "../../src/domain/errors";
import { fieldsOrMessage } from "../../src/forms/field-errors";
import type { AppEnv } from "../app-env";
import { handleError } from "../error-response";
import { xmlDocument, type XmlItems } from "../http/xml";
import { STATUS_OF } from "../http/status";
import { getOpen311Request } from "../services/complaint/get-open311-request";
import { open311Discovery, open311ServiceDefinition, open311Services } from "../services/complaint/internal/open311-services";
import { listOpen311Requests } from "../services/complaint/list-open311-requests";
import { contextOf } from "../services/context";
import { parseInput } from "../validate";

const CACHE = "public, max-age=300, s-maxage=300";
type Format = "json" | "xml";
/** Array wrappers and their items, as the spec's XML names them. */
const ITEMS: XmlItems = { services: "service", service_requests: "request", attributes: "attribute", endpoints: "endpoint", formats: "format", errors: "error" };

const formatOf = (path: string): Format => (path.endsWith(".xml") ? "xml" : "json");

/** One document in the format the path asks for; `root` is the XML root element. */
function document(c: Context<AppEnv>, root: string, body: unknown, status: ContentfulStatusCode = 200): Response {
  if (status === 200) c.header("Cache-Control", CACHE);
  if (formatOf(c.req.path) === "xml") return c.body(xmlDocument(root, body, ITEMS), status, { "Content-Type": "text/xml; charset=utf-8" });
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/json; charset=utf-8" });
}

/** The spec's error document: one entry per problem, each with the HTTP status as its code. */
function errors(c: Context<AppEnv>, status: 400 | 404, descriptions: string[]): Response {
  const body: Open311Errors = descriptions.map((description) => ({ code: status, description }));
  return document(c, "errors", body, status);
}

/** The jurisdiction this endpoint serves: the public site's host without `www.`. */
function jurisdictionOf(c: Context<AppEnv>): string {
  const origin = c.var.deps.config.publicOrigin ?? new URL(c.req.url).origin;
  return new URL(origin).host.replace(/^www\./, "");
}

/** Each query parameter once; a parameter given several times is one comma list (the spec allows both). */
const queryOf = (c: Context<AppEnv>) => Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.join(",")]));

export const open311Routes = new Hono<AppEnv>()
  .use(cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], maxAge: 86_400 }))
  .use(async (c, next) => {
    const asked = c.req.query("jurisdiction_id");
    if (asked && asked !== jurisdictionOf(c)) return errors(c, 404, [`jurisdiction_id ${asked} not found: this endpoint serves ${jurisdictionOf(c)} only.`]);
    await next();
  })
  .get("/discovery.json", (c) => document(c, "discovery", open311Discovery(`${new URL(c.req.url).origin}/api/open311/v2`)))
  .get("/discovery.xml", (c) => document(c, "discovery", open311Discovery(`${new URL(c.req.url).origin}/api/open311/v2`)))
  .get("/v2/services.json", (c) => document(c, "services", open311Services()))
  .get("/v2/services.xml", (c) => document(c, "services", open311Services()))
  .get("/v2/services/:file{[a-z0-9-]+\\.(?:json|xml)}", (c) => {
    const definition = open311ServiceDefinition(c.req.param("file").replace(/\.(json|xml)$/, ""));
    if (!definition) return errors(c, 404, ["service_code not found: see services.json for the codes."]);
    return document(c, "service_definition", definition);
  })
  .get("/v2/requests.json", async (c) => document(c, "service_requests", await listOpen311Requests({ ctx: contextOf(c), input: parseInput(Open311RequestsQuery, queryOf(c)) })))
  .get("/v2/requests.xml", async (c) => document(c, "service_requests", await listOpen311Requests({ ctx: contextOf(c), input: parseInput(Open311RequestsQuery, queryOf(c)) })))
  .get("/v2/requests/:file{[0-9a-f]{16}\\.(?:json|xml)}", async (c) =>
    document(c, "service_requests", await getOpen311Request({ ctx: contextOf(c), input: { id: c.req.param("file").slice(0, 16) } })),
  )
  .get("*", (c) => errors(c, 404, ["No such Open311 resource: see discovery.json."]));

open311Routes.onError((error, c) => {
  if (error instanceof DomainError && (error.code === "validation" || error.code === "not_found")) {
    const status = STATUS_OF[error.code] === 404 ? 404 : 400;
    return errors(c, status, fieldsOrMessage(error).map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)));
  }
  return handleError(c.var.deps.log)(error, c);
});
