/** Script entry for `npm run db:init`; see db-init-command.ts. */
import { runDbInit } from "./db-init-command";

const { code, lines } = await runDbInit(process.env);
for (const line of lines) (code === 0 ? console.log : console.error)(line);
process.exit(code);
