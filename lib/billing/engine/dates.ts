/**
 * Calendar days as YYYY-MM-DD strings, counted in UTC so that no time zone or summer time can
 * make a day 23 or 25 hours long. Periods are half-open: the start day is billed, the end day
 * is not (it is the next period's start), so days = end − start and consecutive periods chain.
 */

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a YYYY-MM-DD date; throws RangeError on anything else (2025-02-30 too). */
export function dayNumber(date: string): number {
  if (!DATE.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: "${date}"`);
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: "${date}"`);
  }
  return time / DAY_MS;
}

/** Whether `date` is a real YYYY-MM-DD calendar date. */
export function isCalendarDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Days from `start` to `end` (end − start); negative when end is earlier. */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start);
}
