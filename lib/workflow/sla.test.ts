import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-time";
import { computeSla, type ItemStatus, type SlaPolicy, type StatusChange } from "./sla";

// Instants are written in UTC; comments give the local time in Casablanca (UTC+1 in July 2026).
// Opening hours 08:30-16:30, so one business day is 480 minutes.
const morocco: BusinessCalendar = {
  timeZone: "Africa/Casablanca",
  workingDays: [1, 2, 3, 4, 5],
  opensAt: "08:30",
  closesAt: "16:30",
  holidays: ["2026-07-30"], // Throne Day, Thursday
  overrides: [],
};

const policy: SlaPolicy = { firstResponseMinutes: 240, resolutionMinutes: 1440 }; // ½ day, 3 days

const utc = (iso: string) => new Date(iso);
const history = (...changes: [string, ItemStatus][]): StatusChange[] =>
  changes.map(([at, status]) => ({ at: utc(at), status }));

const CREATED = "2026-07-06T08:00:00Z"; // Mon 6 July 09:00
const plain = history([CREATED, "new"]);

describe("computeSla on a plain item", () => {
  it("runs the clock from creation and sets both deadlines in business time", () => {
    const now = utc("2026-07-06T10:00:00Z"); // Mon 11:00
    expect(computeSla(morocco, policy, plain, null, now)).toEqual({
      firstResponseDueAt: utc("2026-07-06T12:00:00Z"), // Mon 13:00
      resolutionDueAt: utc("2026-07-09T08:00:00Z"), // Thu 09:00
      businessMinutesTaken: 120,
      businessMinutesLeft: 1320,
      waitingInternalMinutes: 0,
      paused: false,
      breached: false,
      firstResponseBreached: false,
    });
  });

  it("skips a holiday when setting the deadline", () => {
    const created = history(["2026-07-29T08:00:00Z", "new"]); // Wed 29 July 09:00
    const state = computeSla(morocco, policy, created, null, utc("2026-07-29T09:00:00Z"));
    // 450 Wednesday + 480 Friday (Thursday is Throne Day) + 480 Monday + 30 Tuesday.
    expect(state.resolutionDueAt).toEqual(utc("2026-08-04T08:00:00Z")); // Tue 4 August 09:00
  });

  it("counts nothing for the hours the office is closed", () => {
    const state = computeSla(morocco, policy, plain, null, utc("2026-07-11T12:00:00Z")); // Sat
    expect(state.businessMinutesTaken).toBe(450 + 4 * 480); // Monday from 09:00, then Tue-Fri
  });

  it("reports whole minutes when the instants carry seconds", () => {
    const withSeconds = history(
      ["2026-07-06T08:00:20.250Z", "new"], // Mon 09:00:20.250
      ["2026-07-06T08:05:50Z", "waiting_internal"], // Mon 09:05:50
    );
    const state = computeSla(morocco, policy, withSeconds, null, utc("2026-07-06T08:10:45.5Z"));
    // 10 min 25.25 s taken, 4 min 55.5 s of it waiting internally.
    expect(state).toMatchObject({
      businessMinutesTaken: 10,
      businessMinutesLeft: 1430,
      waitingInternalMinutes: 4,
    });
    expect(state.resolutionDueAt).toEqual(utc("2026-07-09T08:00:20.250Z")); // Thu 09:00:20.250
  });

  it("ignores status changes recorded after `now`", () => {
    const later = history([CREATED, "new"], ["2026-07-07T08:00:00Z", "resolved"]);
    const state = computeSla(morocco, policy, later, null, utc("2026-07-06T10:00:00Z"));
    expect(state).toMatchObject({ businessMinutesTaken: 120, paused: false });
    expect(state.resolutionDueAt).toEqual(utc("2026-07-09T08:00:00Z"));
  });
});

describe("computeSla pauses", () => {
  // Waiting on the customer from Mon 10:00 to Wed 10:00: exactly two business days (960 min).
  const paused = history(
    [CREATED, "new"],
    ["2026-07-06T09:00:00Z", "waiting_customer"], // Mon 10:00
    ["2026-07-08T09:00:00Z", "in_progress"], // Wed 10:00
  );

  it("reports no resolution deadline while waiting on the customer", () => {
    const now = utc("2026-07-07T11:00:00Z"); // Tue 12:00
    expect(computeSla(morocco, policy, paused, null, now)).toMatchObject({
      resolutionDueAt: null,
      paused: true,
      businessMinutesTaken: 60,
      businessMinutesLeft: 1380,
      breached: false,
    });
  });

  it("pushes the deadline by exactly the two business days spent waiting on the customer", () => {
    const now = utc("2026-07-08T10:00:00Z"); // Wed 11:00
    const state = computeSla(morocco, policy, paused, null, now);
    // Without the pause: Thu 9 July 09:00; two business days later: Mon 13 July 09:00.
    expect(state.resolutionDueAt).toEqual(utc("2026-07-13T08:00:00Z"));
    expect(state).toMatchObject({ businessMinutesTaken: 120, businessMinutesLeft: 1320 });
  });

  it("does not pause the first-response deadline", () => {
    const state = computeSla(morocco, policy, paused, null, utc("2026-07-08T10:00:00Z"));
    expect(state.firstResponseDueAt).toEqual(utc("2026-07-06T12:00:00Z")); // Mon 13:00
  });

  it("keeps the deadline but counts waiting_internal time separately", () => {
    const internal = history(
      [CREATED, "new"],
      ["2026-07-06T09:00:00Z", "waiting_internal"], // Mon 10:00
      ["2026-07-08T09:00:00Z", "in_progress"], // Wed 10:00
    );
    const state = computeSla(morocco, policy, internal, null, utc("2026-07-08T10:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-09T08:00:00Z"), // Thu 09:00, as if never waiting
      businessMinutesTaken: 60 + 960 + 60,
      waitingInternalMinutes: 960,
      paused: false,
    });
  });

  it("counts waiting_internal time up to now while the item still waits", () => {
    const internal = history([CREATED, "new"], ["2026-07-06T09:00:00Z", "waiting_internal"]);
    const state = computeSla(morocco, policy, internal, null, utc("2026-07-06T12:30:00Z"));
    expect(state).toMatchObject({ businessMinutesTaken: 270, waitingInternalMinutes: 210 });
  });
});

describe("computeSla stops and reopens", () => {
  const resolvedMonday = history(
    [CREATED, "new"],
    ["2026-07-06T10:00:00Z", "resolved"], // Mon 11:00
  );

  it("stops the clock at resolution and reports the deadline as it stood then", () => {
    const state = computeSla(morocco, policy, resolvedMonday, null, utc("2026-07-07T12:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-09T08:00:00Z"), // Thu 09:00
      businessMinutesTaken: 120,
      paused: false,
      breached: false,
    });
  });

  it("keeps the clock stopped when a resolved item is closed", () => {
    const closed = [
      ...resolvedMonday,
      { at: utc("2026-07-07T08:00:00Z"), status: "closed" as const },
    ];
    const state = computeSla(morocco, policy, closed, null, utc("2026-07-10T12:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-09T08:00:00Z"),
      businessMinutesTaken: 120,
      breached: false,
    });
  });

  it("runs the clock again from where it stopped when the item is reopened", () => {
    const reopened = [
      ...resolvedMonday,
      { at: utc("2026-07-08T08:00:00Z"), status: "in_progress" as const }, // Wed 09:00
    ];
    const state = computeSla(morocco, policy, reopened, null, utc("2026-07-08T09:00:00Z")); // Wed 10:00
    // 1320 minutes left at Wed 09:00: 450 Wednesday + 480 Thursday + 390 Friday → Fri 15:00.
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-10T14:00:00Z"),
      businessMinutesTaken: 180,
      businessMinutesLeft: 1260,
      breached: false,
    });
  });

  it("reports no deadline for an item resolved straight from waiting on the customer", () => {
    const fromPause = history(
      [CREATED, "new"],
      ["2026-07-06T09:00:00Z", "waiting_customer"],
      ["2026-07-07T09:00:00Z", "resolved"],
    );
    const state = computeSla(morocco, policy, fromPause, null, utc("2026-07-08T09:00:00Z"));
    expect(state).toMatchObject({ resolutionDueAt: null, businessMinutesTaken: 60, paused: false });
  });
});

describe("computeSla breaches", () => {
  it.each([
    {
      behaviour: "is not breached exactly at the deadline",
      now: "2026-07-09T08:00:00Z",
      left: 0,
      breached: false,
    }, // Thu 09:00
    {
      behaviour: "is breached a minute after the deadline",
      now: "2026-07-09T08:01:00Z",
      left: -1,
      breached: true,
    }, // Thu 09:01
    {
      behaviour: "is breached days later with the overrun counted",
      now: "2026-07-13T08:00:00Z",
      left: -960,
      breached: true,
    }, // Mon 13 July 09:00, 2400 taken
  ])("$behaviour", ({ now, left, breached }) => {
    const state = computeSla(morocco, policy, plain, null, utc(now));
    expect(state).toMatchObject({ businessMinutesLeft: left, breached });
    expect(state.resolutionDueAt).toEqual(utc("2026-07-09T08:00:00Z"));
  });

  it("is breached in the evening after a deadline that fell at closing time", () => {
    const tight: SlaPolicy = { ...policy, resolutionMinutes: 1410 }; // due Wed 16:30
    const atClosing = computeSla(morocco, tight, plain, null, utc("2026-07-08T15:30:00Z"));
    const evening = computeSla(morocco, tight, plain, null, utc("2026-07-08T17:00:00Z"));
    expect(atClosing).toMatchObject({
      resolutionDueAt: utc("2026-07-08T15:30:00Z"),
      breached: false,
    });
    expect(evening).toMatchObject({ businessMinutesLeft: 0, breached: true });
  });

  it.each([
    {
      behaviour: "is breached when resolved after the deadline",
      resolvedAt: "2026-07-09T09:00:00Z",
      left: -60,
      breached: true,
    }, // Thu 10:00
    {
      behaviour: "is not breached when resolved before the deadline",
      resolvedAt: "2026-07-08T15:00:00Z",
      left: 60,
      breached: false,
    }, // Wed 16:00
  ])("$behaviour", ({ resolvedAt, left, breached }) => {
    const resolved = history([CREATED, "new"], [resolvedAt, "resolved"]);
    const state = computeSla(morocco, policy, resolved, null, utc("2026-07-17T12:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-09T08:00:00Z"),
      businessMinutesLeft: left,
      breached,
    });
  });

  it("stays breached while paused on the customer after the deadline", () => {
    const late = history([CREATED, "new"], ["2026-07-09T09:00:00Z", "waiting_customer"]); // Thu 10:00
    const state = computeSla(morocco, policy, late, null, utc("2026-07-10T11:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: null,
      paused: true,
      businessMinutesLeft: -60,
      breached: true,
    });
  });

  it("keeps the original deadline when an item resolved late is reopened", () => {
    const reopened = history(
      [CREATED, "new"],
      ["2026-07-09T09:00:00Z", "resolved"], // Thu 10:00, an hour late
      ["2026-07-13T08:00:00Z", "in_progress"], // Mon 09:00
    );
    const state = computeSla(morocco, policy, reopened, null, utc("2026-07-13T09:00:00Z"));
    expect(state).toMatchObject({
      resolutionDueAt: utc("2026-07-09T08:00:00Z"),
      businessMinutesLeft: -120,
      breached: true,
    });
  });

  it.each([
    {
      behaviour: "answered in time",
      answeredAt: "2026-07-06T11:00:00Z",
      now: "2026-07-07T08:00:00Z",
      late: false,
    },
    {
      behaviour: "answered exactly at the deadline",
      answeredAt: "2026-07-06T12:00:00Z",
      now: "2026-07-07T08:00:00Z",
      late: false,
    },
    {
      behaviour: "answered late",
      answeredAt: "2026-07-06T13:00:00Z",
      now: "2026-07-07T08:00:00Z",
      late: true,
    },
    {
      behaviour: "unanswered before the deadline",
      answeredAt: null,
      now: "2026-07-06T11:00:00Z",
      late: false,
    },
    {
      behaviour: "unanswered after the deadline",
      answeredAt: null,
      now: "2026-07-06T13:00:00Z",
      late: true,
    },
  ])("flags the first response when $behaviour", ({ answeredAt, now, late }) => {
    const answered = answeredAt === null ? null : utc(answeredAt);
    expect(computeSla(morocco, policy, plain, answered, utc(now)).firstResponseBreached).toBe(late);
  });
});

describe("computeSla after a policy change", () => {
  const paused = history(
    [CREATED, "new"],
    ["2026-07-06T09:00:00Z", "waiting_customer"], // Mon 10:00
    ["2026-07-08T09:00:00Z", "in_progress"], // Wed 10:00
  );
  const now = utc("2026-07-08T10:00:00Z"); // Wed 11:00

  it.each([
    { resolutionMinutes: 480, plainDue: "2026-07-07T08:00:00Z", pausedDue: "2026-07-09T08:00:00Z" }, // Tue 09:00 / Thu 09:00
    {
      resolutionMinutes: 1440,
      plainDue: "2026-07-09T08:00:00Z",
      pausedDue: "2026-07-13T08:00:00Z",
    }, // Thu 09:00 / Mon 09:00
    {
      resolutionMinutes: 2400,
      plainDue: "2026-07-13T08:00:00Z",
      pausedDue: "2026-07-15T08:00:00Z",
    }, // Mon 09:00 / Wed 09:00
  ])(
    "recomputes the deadline from the same history for $resolutionMinutes minutes",
    ({ resolutionMinutes, plainDue, pausedDue }) => {
      const changed: SlaPolicy = { ...policy, resolutionMinutes };
      expect(computeSla(morocco, changed, plain, null, now).resolutionDueAt).toEqual(utc(plainDue));
      expect(computeSla(morocco, changed, paused, null, now).resolutionDueAt).toEqual(
        utc(pausedDue),
      );
    },
  );

  it("recomputes the first-response deadline too", () => {
    const quick: SlaPolicy = { ...policy, firstResponseMinutes: 60 };
    expect(computeSla(morocco, quick, plain, null, now).firstResponseDueAt).toEqual(
      utc("2026-07-06T09:00:00Z"), // Mon 10:00
    );
  });
});

describe("computeSla in other calendars and on bad input", () => {
  it("counts a Gulf Sunday-Thursday week", () => {
    const dubai: BusinessCalendar = {
      timeZone: "Asia/Dubai",
      workingDays: [7, 1, 2, 3, 4],
      opensAt: "07:30",
      closesAt: "14:30",
      holidays: [],
      overrides: [],
    };
    const created = history(["2026-07-09T10:00:00Z", "new"]); // Thu 14:00 in Dubai (UTC+4)
    const state = computeSla(dubai, policy, created, null, utc("2026-07-10T10:00:00Z")); // Fri
    expect(state.firstResponseDueAt).toEqual(utc("2026-07-12T07:00:00Z")); // Sun 11:00
    expect(state.businessMinutesTaken).toBe(30);
  });

  it("throws on an empty history", () => {
    expect(() => computeSla(morocco, policy, [], null, utc(CREATED))).toThrow(/empty/);
  });

  it("throws on a history out of chronological order", () => {
    const shuffled = history([CREATED, "new"], ["2026-07-06T07:00:00Z", "in_progress"]);
    expect(() => computeSla(morocco, policy, shuffled, null, utc(CREATED))).toThrow(
      /chronological/,
    );
  });
});
