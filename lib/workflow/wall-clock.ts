/**
 * Wall-clock times typed in admin forms ("2026-12-01T08:00" from an `<input type=
 * "datetime-local">`) mean the utility's local time, not the server's or the browser's. These
 * convert between such strings and instants through Intl, whose tz database knows each zone's
 * offsets (Casablanca moves between UTC+1 and UTC+0 around Ramadan).
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function fieldsAt(instantMs: number, timeZone: string): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return fields;
}

/** The zone's offset from UTC at an instant, in milliseconds (local − UTC). */
function offsetAt(instantMs: number, timeZone: string): number {
  const f = fieldsAt(instantMs, timeZone);
  const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** Whether Intl knows the zone (an IANA name such as "Africa/Casablanca" or "Asia/Dubai"). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant at which the zone's clocks show `local` ("YYYY-MM-DDTHH:MM"). In an autumn
 * overlap the earlier instant wins; a time inside a spring gap moves forward past it. Null for
 * a malformed string.
 */
export function wallClockToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  // Offsets a day either side bracket any single transition near this wall time.
  const offsets = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const candidates = offsets
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - offsets[0]!);
}

/** The zone's wall clock at an instant, as "YYYY-MM-DDTHH:MM" (for a datetime-local input). */
export function instantToWallClock(instant: Date, timeZone: string): string {
  const f = fieldsAt(instant.getTime(), timeZone);
  const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, "0");
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** The zone's calendar date at an instant, as "YYYY-MM-DD". */
export function localDateOf(instant: Date, timeZone: string): string {
  return instantToWallClock(instant, timeZone).slice(0, 10);
}
