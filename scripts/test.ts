/**
 * `npm test`: everything CI checks, in order, stopping at the first failure — type-check,
 * lint and formatting, unit and integration tests against a real PostgreSQL, the production
 * build, and the end-to-end journeys in Chromium against that build.
 */
import { spawnSync } from "node:child_process";
import { chromiumPath } from "../e2e/support/chromium";

process.env.NEXT_TELEMETRY_DISABLED = "1";

// Fail before ten minutes of work if the browser for the last step is missing.
try {
  chromiumPath();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: [string, string, string[]][] = [
  ["type-check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  ["format", bin("prettier"), ["--check", "."]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["production build", bin("next"), ["build"]],
  ["end-to-end tests", bin("tsx"), ["scripts/e2e.ts"]],
];

const timings: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✓ all checks passed\n  ${timings.join("\n  ")}`);
