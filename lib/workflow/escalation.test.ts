import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-time";
import { escalationDue, raisedPriority, type EscalationSubject } from "./escalation";

// Instants in UTC; Casablanca is UTC+1 in July 2026, open 08:30–16:30 on weekdays.
const morocco: BusinessCalendar = {
  timeZone: "Africa/Casablanca",
  workingDays: [1, 2, 3, 4, 5],
  opensAt: "08:30",
  closesAt: "16:30",
  holidays: ["2026-07-30"], // Throne Day, Thursday
  overrides: [],
};
const at = (iso: string) => new Date(iso);
const DUE = at("2026-07-06T09:00:00Z"); // Mon 6 July, 10:00 local
const open: EscalationSubject = { status: "in_progress", mergedIntoId: null, resolutionDueAt: DUE };
const clock = { calendar: morocco, resolutionMinutes: 960 };

describe("escalationDue", () => {
  it("has nothing due while an hour or more of business time is left", () => {
    expect(escalationDue(open, at("2026-07-06T07:59:00Z"), clock)).toEqual([]);
    expect(escalationDue(open, at("2026-07-06T08:00:00Z"), clock)).toEqual([]); // exactly 60
  });

  it("counts the hour left in business minutes, across a weekend", () => {
    // Fri 3 July 16:01 local: 29 minutes before closing and 90 on Monday morning.
    expect(escalationDue(open, at("2026-07-03T15:01:00Z"), clock)).toEqual([]);
    // Sat 4 July: only Monday's 90 minutes left — still more than an hour.
    expect(escalationDue(open, at("2026-07-04T12:00:00Z"), clock)).toEqual([]);
    // Mon 09:01 local: 59 minutes left.
    expect(escalationDue(open, at("2026-07-06T08:01:00Z"), clock)).toEqual([1]);
  });

  it("is a breach from the deadline on, and a second breach one budget later", () => {
    expect(escalationDue(open, DUE, clock)).toEqual([1, 2]);
    // 960 business minutes after Mon 10:00 is Wed 10:00.
    expect(escalationDue(open, at("2026-07-08T08:59:00Z"), clock)).toEqual([1, 2]);
    expect(escalationDue(open, at("2026-07-08T09:00:00Z"), clock)).toEqual([1, 2, 3]);
  });

  it("counts the second breach from when level 2 fired, when it has", () => {
    const firedLate = { ...clock, breachFiredAt: at("2026-07-07T09:00:00Z") }; // Tue 10:00
    expect(escalationDue(open, at("2026-07-08T09:00:00Z"), firedLate)).toEqual([1, 2]);
    // Tue 10:00 + 960 business minutes (390 on Tuesday, 480 on Wednesday) is Thu 10:00.
    expect(escalationDue(open, at("2026-07-09T09:00:00Z"), firedLate)).toEqual([1, 2, 3]);
  });

  it("skips a holiday when counting towards the second breach", () => {
    const due = at("2026-07-29T09:00:00Z"); // Wed 29 July 10:00, the day before Throne Day
    const item = { ...open, resolutionDueAt: due };
    // Wed 10:00 + 960 → Thursday is closed → Mon 3 August 10:00 (Friday counts 480).
    expect(escalationDue(item, at("2026-07-31T15:29:00Z"), clock)).toEqual([1, 2]);
    expect(escalationDue(item, at("2026-08-03T08:59:00Z"), clock)).toEqual([1, 2]);
    expect(escalationDue(item, at("2026-08-03T09:00:00Z"), clock)).toEqual([1, 2, 3]);
  });

  it("has nothing due for paused, resolved, closed or merged items", () => {
    const late = at("2026-12-01T10:00:00Z");
    expect(escalationDue({ ...open, resolutionDueAt: null }, late, clock)).toEqual([]);
    expect(escalationDue({ ...open, status: "resolved" }, late, clock)).toEqual([]);
    expect(escalationDue({ ...open, status: "closed" }, late, clock)).toEqual([]);
    expect(escalationDue({ ...open, mergedIntoId: "x" }, late, clock)).toEqual([]);
    expect(escalationDue({ ...open, status: "waiting_internal" }, late, clock)).toEqual([1, 2, 3]);
  });
});

describe("raisedPriority", () => {
  it("goes up one step and stops at urgent", () => {
    expect((["low", "normal", "high", "urgent"] as const).map(raisedPriority)).toEqual([
      "normal",
      "high",
      "urgent",
      "urgent",
    ]);
  });
});
