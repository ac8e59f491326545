/** Script entry for `npm run restore`; see restore-command.ts. */
import { runRestore } from "./restore-command";
import { exitWith } from "./exit-with";

await exitWith(runRestore(process.argv.slice(2), process.env));
