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
  return formatItemNumber(prefix, year, await nextCounterValue(tx, prefix, year));
}

/**
 * The next value of a counter (1 for the first of a year), for documents that print their
 * number in another format (the mail registry). Same row lock, same gap-free guarantee.
 */
export async function nextCounterValue(tx: DbOrTx, prefix: string, year: number): Promise<number> {
  const { rows } = await tx.execute(sql`
    insert into number_counters (prefix, year, last) values (${prefix}, ${year}, 1)
    on conflict (prefix, year) do update set last = number_counters.last + 1
    returning last`);
  return (rows[0] as { last: number }).last;
}

// No 0/O or 1/I/L: a tracking code is read aloud on the phone and typed from paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A code that lets a guest follow an item with its number: 8 characters, ~40 bits. */
export function newTrackingCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The calendar year of an instant in the utility's time zone: numbers restart at its 1 January. */
export function yearInZone(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(at));
}
