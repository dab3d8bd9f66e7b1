import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** "REC-2026-000123": prefix, year, six digits (more when a year passes a million). */
export function formatItemNumber(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}

/**
 * The next number of a prefix in a year, gap-free: the counter row is updated in the caller's
 * transaction, so a rolled-back filing gives its number back, and concurrent filings queue on
 * the row lock instead of skipping numbers.
 */
export async function nextItemNumber(tx: DbOrTx, prefix: string, year: number): Promise<string> {
  const { rows } = await tx.execute(sql`
    insert into number_counters (prefix, year, last) values (${prefix}, ${year}, 1)
    on conflict (prefix, year) do update set last = number_counters.last + 1
    returning last`);
  return formatItemNumber(prefix, year, (rows[0] as { last: number }).last);
}

// No 0/O or 1/I/L: a tracking code is read aloud on the phone and typed from paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A code that lets a guest follow an item with its number: 8 characters, ~40 bits. */
export function newTrackingCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
