import { createDb, type Db } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/db/embedded";

/** The large benchmark data lives in a cluster of its own, never the development or test data. */
export const LARGE_DIR = process.env.WASLA_PG_DIR ?? ".data/large";

/** The large database: LARGE_DATABASE_URL, or the embedded cluster in WASLA_PG_DIR. */
export async function openLargeDatabase(): Promise<{ db: Db; cluster: EmbeddedCluster | null }> {
  if (process.env.LARGE_DATABASE_URL)
    return { db: createDb(process.env.LARGE_DATABASE_URL, { max: 4 }), cluster: null };
  if (LARGE_DIR.replace(/\/$/, "") === ".data/postgres")
    throw new Error("WASLA_PG_DIR points at the development database: choose another folder");
  // Durability is not worth its cost for generated data: fsync off makes the load several
  // times faster, and a crash only means seeding again.
  const cluster = await startEmbeddedPostgres({ dataDir: LARGE_DIR, fast: true });
  const pg = await import("pg");
  const admin = new pg.default.Client(cluster.url("postgres"));
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'wasla'");
  if (!exists.rowCount) await admin.query("create database wasla");
  await admin.end();
  return { db: createDb(cluster.url("wasla"), { max: 4 }), cluster };
}
