import { localDate } from "./dates";

/** Today's date in the utility's time zone: what "overdue" is measured against. */
export function utilityToday(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
}
