/**
 * Reading windows: the days around a scheduled reading date when a customer's own reading is
 * used for the bill. Outside them the reading is still stored and shown, marked "not used for
 * this bill", and the page tells the customer when the next window opens.
 *
 * Every date here is a local calendar date ("2024-03-01") in the utility's time zone, never an
 * instant. A window is "from the 27th to the 3rd" for the customer; computing it from instants
 * would shift it by a day whenever the server's zone, a DST change or midnight UTC got in the way.
 * Convert an instant with `localDate` once, at the edge, and compare strings from then on.
 */

/** How many days before and after the scheduled date self-readings count (per zone or route). */
export interface ReadingWindowConfig {
  readonly daysBefore: number;
  readonly daysAfter: number;
}

/** The default: three days before to two days after the scheduled reading date. */
export const DEFAULT_READING_WINDOW: ReadingWindowConfig = { daysBefore: 3, daysAfter: 2 };

/** A window as local dates, both days included. */
export interface ReadingWindow {
  readonly opens: string;
  readonly closes: string;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Days since 1970-01-01. UTC is used as a plain proleptic calendar here, not as a time zone:
// it has no DST, so every day is exactly DAY_MS long and the arithmetic is exact.
function dayNumber(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC quietly rolls 2023-02-29 over to 1 March; a date that does not round-trip does not
  // exist, and a schedule built on it is a configuration error worth failing loudly on.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    throw new RangeError(`No such calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function assertDayCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of days, 0 or more; got ${value}`);
  }
}

/**
 * Calendar days from `from` to `to` (local YYYY-MM-DD dates): 2 from 28 February to 1 March in
 * a leap year, negative when `to` is earlier. Throws RangeError on a malformed or impossible date.
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The window around one scheduled reading date: `daysBefore` days earlier to `daysAfter` days
 * later, both included. Throws RangeError on an impossible date or a negative/fractional setting.
 */
export function readingWindow(
  scheduledDate: string,
  config: ReadingWindowConfig = DEFAULT_READING_WINDOW,
): ReadingWindow {
  assertDayCount(config.daysBefore, "daysBefore");
  assertDayCount(config.daysAfter, "daysAfter");
  const scheduled = dayNumber(scheduledDate);
  return {
    opens: fromDayNumber(scheduled - config.daysBefore),
    closes: fromDayNumber(scheduled + config.daysAfter),
  };
}

/** Whether a reading taken on this local date falls inside the window (first and last day count). */
export function isInWindow(readAtLocalDate: string, window: ReadingWindow): boolean {
  const day = dayNumber(readAtLocalDate);
  return dayNumber(window.opens) <= day && day <= dayNumber(window.closes);
}

/**
 * The next window that has not closed yet on `todayLocal`, i.e. the one open today if there is
 * one, else the one opening soonest; null when the schedule holds no later date. The schedule
 * may be in any order and is not modified.
 */
export function nextWindow(
  scheduleDates: readonly string[],
  todayLocal: string,
  config: ReadingWindowConfig = DEFAULT_READING_WINDOW,
): ReadingWindow | null {
  const today = dayNumber(todayLocal);
  let best: ReadingWindow | null = null;
  for (const scheduled of scheduleDates) {
    const window = readingWindow(scheduled, config);
    if (dayNumber(window.closes) < today) continue;
    // Windows of neighbouring dates may overlap when an admin widens them; the one that opened
    // first is the one the customer can use soonest.
    if (best === null || dayNumber(window.opens) < dayNumber(best.opens)) best = window;
  }
  return best;
}

/**
 * The calendar date of an instant in an IANA time zone ("Africa/Casablanca"), as YYYY-MM-DD.
 * Throws RangeError on an invalid Date or an unknown time zone.
 */
export function localDate(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  const parts = dayFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with it, and the plausibility
// rules ask for dozens of local dates per submission: one formatter per time zone.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // Gregorian calendar and Latin digits are pinned: the default locale of the server must not
    // turn the date into Hijri or Arabic-Indic digits.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}
