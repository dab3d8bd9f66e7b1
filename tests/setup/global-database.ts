import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";

export const TEMPLATE = "wasla_template";

let cluster: EmbeddedCluster | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * Start one PostgreSQL for the whole run (or use TEST_DATABASE_URL, a server where we may
 * create databases) and build the template every test file clones: migrated and seeded.
 */
export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    cluster = await startEmbeddedPostgres({
      dataDir: `.data/test-postgres-${process.pid}`,
      ephemeral: true,
      fast: true,
    });
    adminUrl = cluster.url("postgres");
  }
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  const db = createDb(templateUrl.toString(), { max: 1 });
  await runMigrations(db);
  // A fixed "now" keeps the demo history the same in every run.
  await db.transaction((tx) =>
    seedDemo(tx, { partnerKey: true, now: new Date("2026-11-15T10:00:00Z") }),
  );
  await db.$client.end();
  project.provide("adminDatabaseUrl", adminUrl);
}

export async function teardown() {
  await cluster?.stop();
}
