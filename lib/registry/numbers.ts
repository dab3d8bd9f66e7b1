import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/env";
import { nextCounterValue } from "@/lib/workflow/numbering";
import {
  REGISTRY_INCOMING_PREFIX,
  REGISTRY_OUTGOING_PREFIX,
} from "@/lib/workflow/reserved-prefixes";

export type Direction = "incoming" | "outgoing";

/**
 * A registry number as printed: the format's {year} and {seq:N} (zero-padded to N digits, more
 * when a year passes that) filled in, e.g. "ARR-{year}-{seq:6}" → "ARR-2026-000123". Pure.
 */
export function formatRegistryNumber(format: string, year: number, seq: number): string {
  return format
    .replace("{year}", String(year))
    .replace(/\{seq:(\d+)\}/, (_, digits: string) => String(seq).padStart(Number(digits), "0"));
}

/** The configured format of a direction (REGISTRY_INCOMING_FORMAT / REGISTRY_OUTGOING_FORMAT). */
export function registryFormat(direction: Direction): string {
  const e = env();
  return direction === "incoming" ? e.REGISTRY_INCOMING_FORMAT : e.REGISTRY_OUTGOING_FORMAT;
}

// The counters are keyed by direction, not by the printed format: a change of format in the
// middle of a year continues the same gap-free sequence.
const COUNTER: Record<Direction, string> = {
  incoming: REGISTRY_INCOMING_PREFIX,
  outgoing: REGISTRY_OUTGOING_PREFIX,
};

/**
 * The next number of a register in a year, taken in the caller's transaction: a rolled-back
 * registration gives it back, and concurrent ones wait on the counter's row lock, so numbers
 * are never skipped or reused.
 */
export async function nextRegistryNumber(
  tx: DbOrTx,
  direction: Direction,
  year: number,
): Promise<{ registryNo: string; seq: number }> {
  const seq = await nextCounterValue(tx, COUNTER[direction], year);
  return { registryNo: formatRegistryNumber(registryFormat(direction), year, seq), seq };
}
