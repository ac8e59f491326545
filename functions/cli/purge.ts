/** Script entry for `npm run purge`; see purge-command.ts. */
import { runPurge } from "./purge-command";

const { code, lines } = await runPurge(process.argv.slice(2), process.env);
for (const line of lines) (code === 0 ? console.log : console.error)(line);
process.exit(code);
