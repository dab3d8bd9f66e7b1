/**
 * Deadline policies are stored in business minutes; people think in working days and hours.
 * A "day" here is one regular opening day of the calendar (08:30–16:30 → 480 minutes), which
 * is how the minutes are actually spent by addBusinessMinutes on an ordinary week.
 */

export type BusinessDuration = { days: number; hours: number; minutes: number };

/** Minutes split into whole working days of `workdayMinutes`, then hours and minutes. */
export function splitBusinessMinutes(minutes: number, workdayMinutes: number): BusinessDuration {
  const total = Math.max(0, Math.floor(minutes));
  const day = workdayMinutes > 0 ? Math.floor(workdayMinutes) : 0;
  const days = day > 0 ? Math.floor(total / day) : 0;
  const rest = total - days * day;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** Length of a regular opening day, "08:30"–"16:30" → 480; 0 when it never opens. */
export function workdayMinutes(opensAt: string, closesAt: string): number {
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return Math.max(0, toMinutes(closesAt) - toMinutes(opensAt));
}
