/** Script entry for `npm run smoke -- https://…`; see smoke-command.ts. */
import { exitWith } from "./exit-with";
import { runSmoke } from "./smoke-command";

await exitWith(runSmoke(process.argv.slice(2)));
