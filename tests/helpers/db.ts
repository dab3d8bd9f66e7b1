import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/db/client";

const TEMPLATE = "wasla_template";

/**
 * A database of this test file's own, cloned from the migrated and seeded template; dropped
 * when the file's tests end. Returns the Drizzle handle and the URL (for raw pg clients).
 */
export async function createTestDatabase(): Promise<{ db: Db; url: string }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 5 });
  afterAll(async () => {
    await db.$client.end();
    const drop = new pg.Client(adminUrl);
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  });
  return { db, url: url.toString() };
}

/** The PostgreSQL error behind a failed query (Drizzle wraps it in its own "Failed query"). */
export async function pgErrorOf(
  promise: Promise<unknown>,
): Promise<{ message: string; code?: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message: string; code?: string } }).cause;
    return cause ?? (error as { message: string; code?: string });
  }
  throw new Error("expected the query to fail");
}
