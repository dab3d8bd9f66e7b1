import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file: it diffs db/schema against the committed
// snapshots and needs no database. Migrations are applied by lib code (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
