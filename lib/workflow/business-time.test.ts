import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  nextOpening,
  type BusinessCalendar,
} from "./business-time";

// Instants are written in UTC; the comment beside each gives the local wall-clock time.
// Africa/Casablanca is UTC+1 in July 2026; Asia/Dubai is UTC+4; Asia/Riyadh is UTC+3.
const utc = (iso: string) => new Date(iso);

const morocco: BusinessCalendar = {
  timeZone: "Africa/Casablanca",
  workingDays: [1, 2, 3, 4, 5],
  opensAt: "08:30",
  closesAt: "16:30",
  holidays: ["2026-07-30", "2026-08-14"], // Throne Day (Thursday), Oued Ed-Dahab Day (Friday)
  overrides: [],
};

const dubai: BusinessCalendar = {
  timeZone: "Asia/Dubai",
  workingDays: [7, 1, 2, 3, 4],
  opensAt: "07:30",
  closesAt: "14:30",
  holidays: [],
  overrides: [],
};

/** The zone's UTC offset in minutes at an instant, as Intl reports it ("GMT+01:00" → 60). */
function intlOffsetMinutes(timeZone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // plain "GMT"
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a wall clock in Casablanca shows `local`, using the offset Intl gives for it. */
function casablanca(local: string): Date {
  const wall = Date.parse(`${local}:00Z`);
  const offset = intlOffsetMinutes("Africa/Casablanca", new Date(wall));
  return new Date(wall - offset * 60_000);
}

describe("addBusinessMinutes", () => {
  it.each([
    {
      behaviour: "adds within one working day",
      from: "2026-07-06T08:00:00Z", // Mon 09:00
      minutes: 120,
      expected: "2026-07-06T10:00:00Z", // Mon 11:00
    },
    {
      behaviour: "carries Friday's last 30 minutes over the weekend to Monday 09:00",
      from: "2026-07-10T15:00:00Z", // Fri 16:00
      minutes: 60,
      expected: "2026-07-13T08:00:00Z", // Mon 09:00
    },
    {
      behaviour: "starts counting at 08:30 when starting before opening",
      from: "2026-07-06T06:00:00Z", // Mon 07:00
      minutes: 30,
      expected: "2026-07-06T08:00:00Z", // Mon 09:00
    },
    {
      behaviour: "starts counting the next morning when starting after closing",
      from: "2026-07-06T17:00:00Z", // Mon 18:00
      minutes: 30,
      expected: "2026-07-07T08:00:00Z", // Tue 09:00
    },
    {
      behaviour: "starts counting on Monday when starting on a Saturday",
      from: "2026-07-11T09:00:00Z", // Sat 10:00
      minutes: 30,
      expected: "2026-07-13T08:00:00Z", // Mon 09:00
    },
    {
      behaviour: "returns the closing instant when the minutes run out exactly at closing",
      from: "2026-07-06T15:00:00Z", // Mon 16:00
      minutes: 30,
      expected: "2026-07-06T15:30:00Z", // Mon 16:30, not Tue 08:30
    },
    {
      behaviour: "returns the closing instant for a whole day counted from opening",
      from: "2026-07-06T07:30:00Z", // Mon 08:30
      minutes: 480,
      expected: "2026-07-06T15:30:00Z", // Mon 16:30
    },
    {
      behaviour: "skips Throne Day (Thursday 30 July) and resumes Friday",
      from: "2026-07-29T15:00:00Z", // Wed 16:00
      minutes: 60,
      expected: "2026-07-31T08:00:00Z", // Fri 09:00
    },
    {
      behaviour: "skips a Friday holiday and the weekend, resuming Monday",
      from: "2026-08-13T15:00:00Z", // Thu 16:00
      minutes: 60,
      expected: "2026-08-17T08:00:00Z", // Mon 09:00
    },
    {
      behaviour: "counts 10,000 minutes over weeks and holidays in one step per day",
      from: "2026-07-06T07:30:00Z", // Mon 08:30
      minutes: 10_000, // 20 full days (6 Jul – 3 Aug without 30 Jul) + 400 minutes
      expected: "2026-08-04T14:10:00Z", // Tue 15:10
    },
  ])("$behaviour", ({ from, minutes, expected }) => {
    expect(addBusinessMinutes(morocco, utc(from), minutes)).toEqual(utc(expected));
  });

  it("returns `from` unchanged when adding 0, even at a closed instant", () => {
    const saturday = utc("2026-07-11T09:00:00Z"); // Sat 10:00
    expect(addBusinessMinutes(morocco, saturday, 0)).toEqual(saturday);
  });

  it("refuses negative minutes", () => {
    expect(() => addBusinessMinutes(morocco, utc("2026-07-06T08:00:00Z"), -5)).toThrow(/>= 0/);
  });
});

describe("overrides", () => {
  it("applies shorter Ramadan hours (09:00-15:00) on the overridden dates", () => {
    const ramadan: BusinessCalendar = {
      ...morocco,
      overrides: [
        { date: "2026-03-04", opensAt: "09:00", closesAt: "15:00" },
        { date: "2026-03-05", opensAt: "09:00", closesAt: "15:00" },
      ],
    };
    // Wed 4 March 14:30 + 60: 30 minutes before the 15:00 closing, 30 after Thursday's 09:00.
    expect(addBusinessMinutes(ramadan, casablanca("2026-03-04T14:30"), 60)).toEqual(
      casablanca("2026-03-05T09:30"),
    );
    expect(isOpen(ramadan, casablanca("2026-03-04T08:45"))).toBe(false);
    expect(isOpen(ramadan, casablanca("2026-03-04T15:30"))).toBe(false);
    expect(
      businessMinutesBetween(
        ramadan,
        casablanca("2026-03-04T00:00"),
        casablanca("2026-03-06T00:00"),
      ),
    ).toBe(720); // two 6-hour days
  });

  it("closes a working day overridden with null hours", () => {
    const cal: BusinessCalendar = {
      ...morocco,
      overrides: [{ date: "2026-07-08", opensAt: null, closesAt: null }],
    };
    // Tue 16:00 (15:00Z) + 60 → Wednesday closed → Thu 09:00 (08:00Z).
    expect(addBusinessMinutes(cal, utc("2026-07-07T15:00:00Z"), 60)).toEqual(
      utc("2026-07-09T08:00:00Z"),
    );
    expect(isOpen(cal, utc("2026-07-08T10:00:00Z"))).toBe(false); // Wed 11:00
  });

  it("closes early on a half-day override", () => {
    const cal: BusinessCalendar = {
      ...morocco,
      overrides: [{ date: "2026-07-08", opensAt: "08:30", closesAt: "12:00" }],
    };
    // Wed 11:30 (10:30Z) + 60 → 30 minutes until 12:00, then Thu 09:00 (08:00Z).
    expect(addBusinessMinutes(cal, utc("2026-07-08T10:30:00Z"), 60)).toEqual(
      utc("2026-07-09T08:00:00Z"),
    );
  });

  it("opens a Saturday that has an override", () => {
    const cal: BusinessCalendar = {
      ...morocco,
      overrides: [{ date: "2026-07-11", opensAt: "09:00", closesAt: "13:00" }],
    };
    // Fri 16:00 (15:00Z) + 60 → 30 minutes Friday, then Sat 09:30 (08:30Z).
    expect(addBusinessMinutes(cal, utc("2026-07-10T15:00:00Z"), 60)).toEqual(
      utc("2026-07-11T08:30:00Z"),
    );
    expect(isOpen(cal, utc("2026-07-11T09:00:00Z"))).toBe(true); // Sat 10:00
    expect(isOpen(cal, utc("2026-07-12T09:00:00Z"))).toBe(false); // Sun 10:00
  });

  it("keeps a holiday closed even when an override gives hours for that date", () => {
    const cal: BusinessCalendar = {
      ...morocco,
      overrides: [{ date: "2026-07-30", opensAt: "09:00", closesAt: "15:00" }],
    };
    expect(isOpen(cal, utc("2026-07-30T09:00:00Z"))).toBe(false); // Thu 10:00, Throne Day
  });
});

describe("isOpen and nextOpening", () => {
  it.each([
    { behaviour: "is open at the opening instant", at: "2026-07-06T07:30:00Z", open: true }, // Mon 08:30
    { behaviour: "is open a minute before closing", at: "2026-07-06T15:29:00Z", open: true }, // Mon 16:29
    { behaviour: "is closed at the closing instant", at: "2026-07-06T15:30:00Z", open: false }, // Mon 16:30
    { behaviour: "is closed on Saturday", at: "2026-07-11T09:00:00Z", open: false }, // Sat 10:00
    { behaviour: "is closed on a holiday", at: "2026-07-30T09:00:00Z", open: false }, // Thu 10:00
  ])("$behaviour", ({ at, open }) => {
    expect(isOpen(morocco, utc(at))).toBe(open);
  });

  it.each([
    {
      behaviour: "returns the instant itself when open",
      at: "2026-07-06T09:17:00Z", // Mon 10:17
      expected: "2026-07-06T09:17:00Z",
    },
    {
      behaviour: "returns today's 08:30 before opening",
      at: "2026-07-06T05:00:00Z", // Mon 06:00
      expected: "2026-07-06T07:30:00Z", // Mon 08:30
    },
    {
      behaviour: "returns tomorrow's 08:30 at the closing instant",
      at: "2026-07-06T15:30:00Z", // Mon 16:30
      expected: "2026-07-07T07:30:00Z", // Tue 08:30
    },
    {
      behaviour: "skips a Friday holiday and resumes Monday 08:30",
      at: "2026-08-13T15:30:00Z", // Thu 16:30, Friday 14 August is a holiday
      expected: "2026-08-17T07:30:00Z", // Mon 08:30
    },
  ])("$behaviour", ({ at, expected }) => {
    expect(nextOpening(morocco, utc(at))).toEqual(utc(expected));
  });
});

describe("Gulf week (Sunday to Thursday)", () => {
  it("carries Thursday's last 30 minutes over Friday and Saturday to Sunday in Dubai", () => {
    // Thu 9 July 14:00 (10:00Z) + 60 → Sun 12 July 08:00 (04:00Z).
    expect(addBusinessMinutes(dubai, utc("2026-07-09T10:00:00Z"), 60)).toEqual(
      utc("2026-07-12T04:00:00Z"),
    );
  });

  it("is open on Sunday and closed on Friday in Dubai", () => {
    expect(isOpen(dubai, utc("2026-07-12T05:00:00Z"))).toBe(true); // Sun 09:00
    expect(isOpen(dubai, utc("2026-07-10T05:00:00Z"))).toBe(false); // Fri 09:00
  });

  it("opens next on Sunday 07:30 in Riyadh when asked on a Friday", () => {
    const riyadh: BusinessCalendar = { ...dubai, timeZone: "Asia/Riyadh" };
    // Fri 10 July 12:00 (09:00Z) → Sun 12 July 07:30 (04:30Z).
    expect(nextOpening(riyadh, utc("2026-07-10T09:00:00Z"))).toEqual(utc("2026-07-12T04:30:00Z"));
  });
});

describe("businessMinutesBetween", () => {
  it.each([
    {
      behaviour: "counts minutes within one day",
      from: "2026-07-06T08:00:00Z",
      to: "2026-07-06T10:00:00Z",
      minutes: 120,
    }, // Mon 09:00 → 11:00
    {
      behaviour: "counts 30 + 30 across a weekend",
      from: "2026-07-10T15:00:00Z",
      to: "2026-07-13T08:00:00Z",
      minutes: 60,
    }, // Fri 16:00 → Mon 09:00
    {
      behaviour: "counts a whole week as five days",
      from: "2026-07-06T00:00:00Z",
      to: "2026-07-13T00:00:00Z",
      minutes: 2400,
    },
    {
      behaviour: "counts nothing over a weekend",
      from: "2026-07-10T15:30:00Z",
      to: "2026-07-13T07:30:00Z",
      minutes: 0,
    }, // Fri 16:30 → Mon 08:30
    {
      behaviour: "counts nothing on a holiday",
      from: "2026-07-29T23:00:00Z",
      to: "2026-07-30T23:00:00Z",
      minutes: 0,
    }, // Thu 30 July, whole day
    {
      behaviour: "returns 0 when to is before from",
      from: "2026-07-06T10:00:00Z",
      to: "2026-07-06T08:00:00Z",
      minutes: 0,
    },
    {
      behaviour: "returns 0 for an empty interval",
      from: "2026-07-06T10:00:00Z",
      to: "2026-07-06T10:00:00Z",
      minutes: 0,
    },
    {
      behaviour: "counts fractions of a minute",
      from: "2026-07-06T08:00:00Z",
      to: "2026-07-06T08:00:30Z",
      minutes: 0.5,
    },
  ])("$behaviour", ({ from, to, minutes }) => {
    expect(businessMinutesBetween(morocco, utc(from), utc(to))).toBe(minutes);
  });

  it.each([
    { from: "2026-07-06T08:00:00Z", minutes: 1 }, // Mon 09:00
    { from: "2026-07-06T08:00:00Z", minutes: 450 }, // exactly to Monday 16:30
    { from: "2026-07-10T15:00:00Z", minutes: 60 }, // Fri 16:00, over the weekend
    { from: "2026-07-11T09:00:00Z", minutes: 1 }, // Sat 10:00, closed start
    { from: "2026-07-06T17:00:00Z", minutes: 480 }, // Mon 18:00, a full next day
    { from: "2026-07-29T10:00:00Z", minutes: 900 }, // Wed 11:00, over Throne Day
    { from: "2026-08-13T14:12:00Z", minutes: 12.5 }, // Thu 15:12, over a Friday holiday
    { from: "2026-02-13T10:00:00Z", minutes: 2000 }, // Fri, across the Ramadan offset change
    { from: "2026-03-19T12:00:00Z", minutes: 1500 }, // Thu, across the change back
    { from: "2026-01-05T08:00:00Z", minutes: 250_000 }, // about two years
  ])(
    "is the inverse of addBusinessMinutes from $from for $minutes minutes",
    ({ from, minutes }) => {
      const start = utc(from);
      const end = addBusinessMinutes(morocco, start, minutes);
      expect(businessMinutesBetween(morocco, start, end)).toBe(minutes);
      // And the other way round: the end is the earliest instant with that many minutes behind it.
      expect(businessMinutesBetween(morocco, start, new Date(end.getTime() - 1))).toBeLessThan(
        minutes,
      );
    },
  );
});

describe("Africa/Casablanca offset changes around Ramadan 2026", () => {
  // Intl (the tz database) decides the offsets; the test only checks they differ, so that it
  // exercises a change, and builds every expected instant from them.
  const fridayBefore = utc("2026-02-13T12:00:00Z");
  const mondayAfter = utc("2026-02-16T12:00:00Z");

  it("is a week where the zone's offset changes, according to Intl", () => {
    expect(intlOffsetMinutes("Africa/Casablanca", fridayBefore)).not.toBe(
      intlOffsetMinutes("Africa/Casablanca", mondayAfter),
    );
  });

  it("carries Friday 16:00 + 60 to Monday 09:00 local, whatever the offset on each side", () => {
    const from = casablanca("2026-02-13T16:00");
    const to = casablanca("2026-02-16T09:00");
    // With tzdata 2025c: Friday is UTC+1 (15:00Z) and Monday UTC+0 (09:00Z).
    expect(addBusinessMinutes(morocco, from, 60)).toEqual(to);
    expect(businessMinutesBetween(morocco, from, to)).toBe(60);
  });

  it("carries Friday 16:00 + 60 to Monday 09:00 local across the change back", () => {
    // With tzdata 2025c: Fri 20 March is UTC+0 (16:00Z) and Mon 23 March UTC+1 (08:00Z).
    expect(addBusinessMinutes(morocco, casablanca("2026-03-20T16:00"), 60)).toEqual(
      casablanca("2026-03-23T09:00"),
    );
  });

  it("opens at 08:30 local during Ramadan, not at 08:30 under the summer offset", () => {
    const ramadanDay = casablanca("2026-03-04T08:30");
    expect(nextOpening(morocco, casablanca("2026-03-04T07:00"))).toEqual(ramadanDay);
    expect(isOpen(morocco, new Date(ramadanDay.getTime() - 60_000))).toBe(false);
    expect(
      businessMinutesBetween(
        morocco,
        casablanca("2026-03-04T00:00"),
        casablanca("2026-03-05T00:00"),
      ),
    ).toBe(480);
  });
});

describe("calendars that never open", () => {
  const never: BusinessCalendar = { ...morocco, workingDays: [] };

  it("throws a clear error instead of searching for ever when there is no working day", () => {
    expect(() => addBusinessMinutes(never, utc("2026-07-06T08:00:00Z"), 60)).toThrow(
      /no opening within/,
    );
    expect(() => nextOpening(never, utc("2026-07-06T08:00:00Z"))).toThrow(/no opening within/);
  });

  it("still reports zero open minutes and a closed instant", () => {
    expect(
      businessMinutesBetween(never, utc("2026-07-06T00:00:00Z"), utc("2026-08-06T00:00:00Z")),
    ).toBe(0);
    expect(isOpen(never, utc("2026-07-06T08:00:00Z"))).toBe(false);
  });

  it("finds an opening given only by an override", () => {
    const onlyOverride: BusinessCalendar = {
      ...never,
      overrides: [{ date: "2026-09-01", opensAt: "10:00", closesAt: "11:00" }],
    };
    // Tue 1 September 10:00 (09:00Z).
    expect(nextOpening(onlyOverride, utc("2026-07-06T08:00:00Z"))).toEqual(
      utc("2026-09-01T09:00:00Z"),
    );
  });
});

describe("calendar validation", () => {
  it.each([
    {
      behaviour: "rejects an unknown time zone",
      patch: { timeZone: "Africa/Atlantis" },
      error: /unknown time zone/,
    },
    { behaviour: "rejects a malformed opening time", patch: { opensAt: "8:30" }, error: /HH:MM/ },
    {
      behaviour: "rejects a malformed holiday",
      patch: { holidays: ["2026-02-30"] },
      error: /YYYY-MM-DD/,
    },
    {
      behaviour: "rejects a weekday outside 1-7",
      patch: { workingDays: [0, 1] },
      error: /ISO weekday/,
    },
  ])("$behaviour", ({ patch, error }) => {
    const cal: BusinessCalendar = { ...morocco, ...patch };
    expect(() => isOpen(cal, utc("2026-07-06T08:00:00Z"))).toThrow(error);
  });
});
