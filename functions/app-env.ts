/** The Hono environment every route shares: the injected deps and the request id. */
import type { RequestIdVariables } from "hono/request-id";
import type { AppDeps } from "./deps";

export type AppEnv = { Variables: RequestIdVariables & { deps: AppDeps } };
