/** Script entry for `npm run keys:rotate`; see keys-rotate-command.ts. */
import { runKeysRotate } from "./keys-rotate-command";

process.exit(await runKeysRotate(process.argv.slice(2), process.env, (line) => console.log(line)));
