/**
 * The current intake's catalogue as a static file: the Worker's API reads it from its assets
 * binding (the Node entry reads it from the built folder), so the API checks applications
 * against exactly what /enrol/ published.
 */
import type { APIRoute } from "astro";
import { getCatalogue } from "../../lib/enrolment/catalogue";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getCatalogue()), { headers: { "Content-Type": "application/json; charset=utf-8" } });
