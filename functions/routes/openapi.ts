/**
 * `/api/openapi.json` and `/api/openapi.html`: the OpenAPI 3.1 description of the public API
 * (functions/openapi, built from the routes' own zod schemas and the current enrolment
 * catalogue) and its reference page in the site's shell. Public and cached 5 minutes.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { renderPage } from "../http/answer";
import { openApiDocument } from "../openapi/document";
import { referencePage } from "../openapi/reference-page";

const CACHE = "public, max-age=300, s-maxage=300";

export const openApiRoutes = new Hono<AppEnv>()
  .get("/openapi.json", async (c) => {
    c.header("Cache-Control", CACHE);
    return c.json(openApiDocument(await c.var.deps.catalogue.current()), 200);
  })
  .get("/openapi.html", async (c) => {
    const res = await renderPage(c, { title: "公开接口说明", indexable: true, main: referencePage(openApiDocument(await c.var.deps.catalogue.current())) });
    res.headers.set("Cache-Control", CACHE);
    return res;
  });
