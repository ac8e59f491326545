/**
 * `/api/open311/v2/*`: a read-only Open311 GeoReport v2 view of complaints, so existing
 * civic tools can read them: `services.json` (one service per category) and `requests.json`
 * (public fields of cases whose filers agreed to publication). No POST: filing goes through
 * /complain/, which asks for the consents the standard has no field for.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { contextOf } from "../services/context";
import { open311Services } from "../services/complaint/internal/open311-services";
import { listOpen311Requests } from "../services/complaint/list-open311-requests";

const CACHE = "public, max-age=300, s-maxage=300";

export const open311Routes = new Hono<AppEnv>()
  .get("/v2/services.json", (c) => {
    c.header("Cache-Control", CACHE);
    return c.json(open311Services(), 200);
  })
  .get("/v2/requests.json", async (c) => {
    c.header("Cache-Control", CACHE);
    return c.json(await listOpen311Requests({ ctx: contextOf(c) }), 200);
  });
