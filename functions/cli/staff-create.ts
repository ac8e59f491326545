/** Script entry for `npm run staff:create`; see staff-create-command.ts. */
import { runStaffCreate } from "./staff-create-command";

const { code, lines } = await runStaffCreate(process.argv.slice(2), process.env);
for (const line of lines) (code === 0 ? console.log : console.error)(line);
process.exit(code);
