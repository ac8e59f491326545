// drizzle-kit: `npm run db:generate -- --name <what-changed>` writes a named migration into
// db/migrations from db/schema. Landed migrations are never edited.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
