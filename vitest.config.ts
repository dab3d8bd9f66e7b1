import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests (beside the code) and integration tests against a real PostgreSQL: one embedded
// cluster per run (or TEST_DATABASE_URL), a fresh database per test file cloned from a
// migrated, seeded template.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-database.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
