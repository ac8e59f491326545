/** Script entry for `npm run allocation:verify`; see verify-allocation-command.ts. */
import { runVerifyAllocation } from "./verify-allocation-command";

const { code, lines } = await runVerifyAllocation(process.argv.slice(2));
for (const line of lines) (code === 0 ? console.log : console.error)(line);
process.exit(code);
