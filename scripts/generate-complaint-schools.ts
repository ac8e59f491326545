/** Writes src/domain/complaint/directory.generated.ts from the registry (see ./complaint-schools). */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { readDistrict } from "../src/content-data/district";
import { SCHOOLS_MODULE, schoolsModule } from "./complaint-schools";

const root = process.argv[2] ?? process.cwd();
const { schools, site } = await readDistrict(root);
await writeFile(path.join(root, SCHOOLS_MODULE), schoolsModule(schools, site.hotlines, site.areas));
console.log(`Wrote ${schools.length} schools to ${SCHOOLS_MODULE}.`);
