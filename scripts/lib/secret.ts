import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const FILE = ".data/auth-secret";

/** A development AUTH_SECRET, made on first run and kept in a git-ignored file. */
export function developmentSecret(): string {
  if (existsSync(FILE)) return readFileSync(FILE, "utf8").trim();
  mkdirSync(".data", { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(FILE, secret + "\n", { mode: 0o600 });
  return secret;
}
