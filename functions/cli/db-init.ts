/** Script entry for `npm run db-init`; see db-init-command.ts. */
import { runDbInit } from "./db-init-command";
import { exitWith } from "./exit-with";

await exitWith(runDbInit(process.env));
