import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedBase } from "./base";
import { seedDemo } from "./demo";

/**
 * Seed an empty database. The demo data set (public passwords) goes in only when asked for;
 * the demo partner key only outside production. Returns what it did, for the start-up log.
 */
export async function seedIfEmpty(
  db: Db,
  options: { demo: boolean; partnerKey: boolean },
): Promise<"seeded-demo" | "seeded-base" | "already-seeded"> {
  const { rows } = await db.execute(sql`select count(*)::int as n from utilities`);
  if ((rows[0] as { n: number }).n > 0) return "already-seeded";
  await db.transaction(async (tx) => {
    if (options.demo) await seedDemo(tx, { partnerKey: options.partnerKey });
    else await seedBase(tx);
  });
  return options.demo ? "seeded-demo" : "seeded-base";
}
