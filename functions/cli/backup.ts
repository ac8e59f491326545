/** Script entry for `npm run backup`; see backup-command.ts. */
import { runBackup } from "./backup-command";
import { exitWith } from "./exit-with";

await exitWith(runBackup(process.argv.slice(2), process.env));
