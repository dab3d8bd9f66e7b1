import type { DbOrTx } from "@/db/client";
import { readingSchedules, readingWindows } from "@/db/schema";

/**
 * Reading rounds for the demo zones: agents read every meter on the 5th of each month (the day
 * the demo readings are dated), for the previous, current and next year, with the default window of 3
 * days before to 2 days after. Re-running is harmless: existing rows are left alone.
 */
export async function seedMeteringSchedule(
  db: DbOrTx,
  zones: readonly string[],
  now: Date,
): Promise<void> {
  const unique = [...new Set(zones)];
  if (!unique.length) return;
  const year = now.getUTCFullYear();
  const rows = unique.flatMap((zone) =>
    [year - 1, year, year + 1].flatMap((y) =>
      Array.from({ length: 12 }, (_, m) => ({
        zone,
        scheduledDate: `${y}-${String(m + 1).padStart(2, "0")}-05`,
      })),
    ),
  );
  await db
    .insert(readingWindows)
    .values(unique.map((zone) => ({ zone })))
    .onConflictDoNothing();
  await db.insert(readingSchedules).values(rows).onConflictDoNothing();
}
