/**
 * Business time: the opening hours of a utility's back office in its own time zone, so that
 * deadlines ("answer within 2 business days") count only the minutes someone is at a desk.
 *
 * Pure: every instant is a parameter. Wall-clock conversion goes through Intl for each instant,
 * because offsets are not constant — Africa/Casablanca leaves UTC+1 for UTC+0 during Ramadan, on
 * dates that move every year and that only the tz database knows.
 */

export type BusinessCalendar = {
  /** IANA zone, e.g. "Africa/Casablanca", "Asia/Dubai". */
  timeZone: string;
  /** ISO weekday numbers 1=Mon … 7=Sun; Morocco [1,2,3,4,5], Gulf [7,1,2,3,4]. */
  workingDays: number[];
  /** Local wall-clock "HH:MM" ("24:00" allowed for closesAt). */
  opensAt: string;
  closesAt: string;
  /** "YYYY-MM-DD" local dates, closed all day (lunar holidays are entered by admins each year). */
  holidays: string[];
  /** Per-date hours (Ramadan, half-days); null = closed that day. Opens non-working days too. */
  overrides: { date: string; opensAt: string | null; closesAt: string | null }[];
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// A calendar that never opens would make the forward searches spin for ever; three years of
// consecutive closed days can only be a misconfiguration (no holiday season is that long).
const MAX_CLOSED_DAYS = 3 * 366;

/** Opening hours of one local day, in minutes after local midnight. */
type Hours = { open: number; close: number };
/** The open interval of one local day as UTC epoch milliseconds, [start, end). */
type Window = { start: number; end: number };

type CompiledCalendar = {
  timeZone: string;
  workingDays: ReadonlySet<number>;
  regular: Hours | null;
  holidays: ReadonlySet<string>;
  overrides: ReadonlyMap<string, Hours | null>;
};

// ---------------------------------------------------------------------------------------------
// Wall clock ↔ instant, through Intl

// Building a DateTimeFormat is far slower than using one, and a day-by-day walk asks thousands
// of times; the cache holds no state beyond the formatter, so the functions stay pure.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new Error(`business calendar: unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local wall-clock time of an instant, expressed as if it were a UTC timestamp (so that
 * `wall - instant` is the zone's offset and `floor(wall / DAY_MS)` the local day number).
 */
function wallClockMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  // Intl only reports whole seconds; carry the milliseconds over so the offset is exact.
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + millis;
}

/** Local day number (days since 1970-01-01 in local wall-clock terms) of an instant. */
function localDayOf(instantMs: number, timeZone: string): number {
  return Math.floor(wallClockMs(instantMs, timeZone) / DAY_MS);
}

/**
 * The instant at which the local wall clock shows `minuteOfDay` on local day `day`. In an
 * autumn overlap the earlier instant wins; in a spring gap the pre-transition offset is used,
 * which moves the time forward past the gap (the behaviour of Temporal's "compatible").
 */
function instantAtWallClock(day: number, minuteOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = wallClockMs(wall - DAY_MS, timeZone) - (wall - DAY_MS);
  const offsetAfter = wallClockMs(wall + DAY_MS, timeZone) - (wall + DAY_MS);
  const candidates = [wall - offsetBefore, wall - offsetAfter]
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - offsetBefore;
}

// ---------------------------------------------------------------------------------------------
// Calendar

function parseClock(value: string, what: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 24 * 60)) {
    throw new Error(`business calendar: ${what} must be "HH:MM" between 00:00 and 24:00`);
  }
  return minutes;
}

function checkDate(value: string, what: string): string {
  // A mistyped holiday silently ignored would move deadlines without anyone noticing.
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new Error(`business calendar: ${what} "${value}" is not a YYYY-MM-DD date`);
  return value;
}

function hours(opensAt: string, closesAt: string, what: string): Hours | null {
  const open = parseClock(opensAt, `${what} opensAt`);
  const close = parseClock(closesAt, `${what} closesAt`);
  // Opening at or after closing leaves no open minute: closed, rather than an error, so that
  // "00:00"-"00:00" can be used to close a day.
  return open < close ? { open, close } : null;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  formatterFor(cal.timeZone);
  for (const day of cal.workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new Error(`business calendar: working day ${day} is not an ISO weekday 1-7`);
    }
  }
  const overrides = new Map<string, Hours | null>();
  for (const o of cal.overrides) {
    const date = checkDate(o.date, "override date");
    // Either bound missing means the day is closed, as documented for the admin form.
    overrides.set(
      date,
      o.opensAt === null || o.closesAt === null
        ? null
        : hours(o.opensAt, o.closesAt, `override ${date}`),
    );
  }
  return {
    timeZone: cal.timeZone,
    workingDays: new Set(cal.workingDays),
    regular: hours(cal.opensAt, cal.closesAt, "calendar"),
    holidays: new Set(cal.holidays.map((h) => checkDate(h, "holiday"))),
    overrides,
  };
}

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekdayOf(day: number): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function hoursOn(cal: CompiledCalendar, day: number): Hours | null {
  const date = isoDateOf(day);
  // A holiday beats an override: Ramadan hours are typically entered for every day of the
  // month, and must not reopen a holiday that falls inside it.
  if (cal.holidays.has(date)) return null;
  const override = cal.overrides.get(date);
  if (override !== undefined) return override;
  return cal.workingDays.has(isoWeekdayOf(day)) ? cal.regular : null;
}

function windowOn(cal: CompiledCalendar, day: number): Window | null {
  const h = hoursOn(cal, day);
  if (!h) return null;
  const start = instantAtWallClock(day, h.open, cal.timeZone);
  const end = instantAtWallClock(day, h.close, cal.timeZone);
  return end > start ? { start, end } : null;
}

function noOpeningError(cal: CompiledCalendar, fromMs: number): Error {
  return new Error(
    `business calendar (${cal.timeZone}) has no opening within ${MAX_CLOSED_DAYS} days after ` +
      `${new Date(fromMs).toISOString()}: check workingDays, holidays and overrides`,
  );
}

function timeOf(date: Date, what: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`business time: ${what} is an invalid Date`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Business minutes elapsed in `[from, to)`: the open minutes of the calendar between the two
 * instants; 0 when `to` is not after `from`. Fractional when an end is not on a whole minute.
 * Walks day by day, so long spans cost one step per calendar day.
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const fromMs = timeOf(from, "from");
  const toMs = timeOf(to, "to");
  if (toMs <= fromMs) return 0;
  const c = compile(cal);
  const lastDay = localDayOf(toMs, c.timeZone);
  let totalMs = 0;
  for (let day = localDayOf(fromMs, c.timeZone); day <= lastDay; day++) {
    const w = windowOn(c, day);
    if (w) totalMs += Math.max(0, Math.min(w.end, toMs) - Math.max(w.start, fromMs));
  }
  return totalMs / MINUTE_MS;
}

/**
 * The instant at which `minutes` business minutes have elapsed after `from`. From a closed
 * instant, counting starts at the next opening; adding 0 returns `from` unchanged (even when
 * closed); a result that falls exactly at a closing time is that closing instant, not the next
 * opening. Throws on negative minutes and when the calendar never opens again.
 */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  const fromMs = timeOf(from, "from");
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new Error(`business time: cannot add ${minutes} minutes (finite and >= 0 only)`);
  }
  // Whole milliseconds, so that adding what businessMinutesBetween returned lands exactly.
  let remainingMs = Math.round(minutes * MINUTE_MS);
  if (remainingMs === 0) return new Date(fromMs);
  const c = compile(cal);
  let closedDays = 0;
  for (let day = localDayOf(fromMs, c.timeZone); ; day++) {
    const w = windowOn(c, day);
    if (w && fromMs < w.end) {
      const start = Math.max(fromMs, w.start);
      const available = w.end - start;
      if (remainingMs <= available) return new Date(start + remainingMs);
      remainingMs -= available;
      closedDays = 0;
    } else if (++closedDays > MAX_CLOSED_DAYS) {
      throw noOpeningError(c, fromMs);
    }
  }
}

/** Whether the calendar is open at `at` (opening instant included, closing instant excluded). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const atMs = timeOf(at, "at");
  const c = compile(cal);
  const w = windowOn(c, localDayOf(atMs, c.timeZone));
  return w !== null && w.start <= atMs && atMs < w.end;
}

/**
 * The first open instant at or after `at`: `at` itself when open. Throws when the calendar has
 * no opening within about three years.
 */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  const atMs = timeOf(at, "at");
  const c = compile(cal);
  const firstDay = localDayOf(atMs, c.timeZone);
  for (let day = firstDay; day <= firstDay + MAX_CLOSED_DAYS; day++) {
    const w = windowOn(c, day);
    if (w && atMs < w.end) return new Date(Math.max(atMs, w.start));
  }
  throw noOpeningError(c, atMs);
}
