import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Queries take either the pool-backed database or an open transaction. */
export type DbOrTx = Db | Tx;

/** Wrap a connection string in a pool and Drizzle, with the project's naming rules. */
export function createDb(url: string, options: { max?: number } = {}): Db {
  // Pipelining lets a caller send several statements before the first answer comes back (a
  // whole short transaction in one round trip, as lib/metering/submit-reading.ts does); code
  // that awaits each query, as Drizzle does, behaves exactly as without it.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, pipeline: true });
  // An idle client losing its server must not take the whole process down.
  pool.on("error", () => {});
  return drizzle(pool, { schema, casing: "snake_case" });
}

const globalForDb = globalThis as unknown as { __waslaDb?: Db };

/**
 * The process-wide database. DATABASE_URL is always set by the time the app runs: either by the
 * operator, or by scripts/run.ts after it started the embedded cluster.
 */
export function getDb(): Db {
  if (!globalForDb.__waslaDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev`.");
    globalForDb.__waslaDb = createDb(url);
  }
  return globalForDb.__waslaDb;
}
