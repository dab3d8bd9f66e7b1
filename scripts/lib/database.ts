import { startEmbeddedPostgres, type EmbeddedCluster } from "@/db/embedded";

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL under .data/postgres (or
 * WASLA_PG_DIR), whose URL is put into DATABASE_URL for this process and its children.
 */
export async function ensureDatabase(): Promise<{ url: string; embedded: EmbeddedCluster | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const dataDir = process.env.WASLA_PG_DIR ?? ".data/postgres";
  const cluster = await startEmbeddedPostgres({
    dataDir,
    ephemeral: process.env.WASLA_PG_EPHEMERAL === "1",
    fast: process.env.WASLA_PG_EPHEMERAL === "1",
    log: process.env.WASLA_PG_LOG === "1" ? (l) => console.log(`[postgres] ${l}`) : undefined,
  });
  const admin = await import("pg").then((m) => new m.default.Client(cluster.url("postgres")));
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'wasla'");
  if (!exists.rowCount) await admin.query("create database wasla");
  await admin.end();
  const url = cluster.url("wasla");
  process.env.DATABASE_URL = url;
  return { url, embedded: cluster };
}
