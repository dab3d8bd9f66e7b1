import path from "node:path";
import { defineConfig } from "vitest/config";

// End-to-end journeys in a real Chromium against the production build that scripts/e2e.ts
// starts (E2E_BASE_URL). Files run one after another: they share one server and database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
