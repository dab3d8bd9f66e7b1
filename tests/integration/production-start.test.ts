import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start in production", () => {
  it("refuses to run against an external database without AUTH_SECRET, saying what to set", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      NODE_ENV: "production",
    };
    delete env.AUTH_SECRET;
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/run.ts", "start"], {
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to start in production without AUTH_SECRET");
    expect(result.stderr).toContain("openssl rand -base64 32");
  });
});
