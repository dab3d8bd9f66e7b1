import { describe, expect, it } from "vitest";
import { parseIndex } from "./parse-index";
import {
  consumptionBetween,
  DEFAULT_PLAUSIBILITY,
  evaluateReading,
  referenceDailyAverage,
  type ActiveMeter,
  type PastReading,
  type PlausibilityConfig,
  type ReadingEvaluation,
  type ReadingHistory,
  type ReadingInput,
  type ReadingSource,
  type Refusal,
} from "./plausibility";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Day 0 is 1 January 2024 at noon UTC; days 0, 30, 60, 90, 120 are 1 Jan, 31 Jan, 1 Mar
// (across 29 February), 31 Mar and 30 Apr.
const day = (n: number) => new Date(Date.UTC(2024, 0, 1, 12) + n * DAY_MS);
const at = (date: string) => new Date(`${date}T12:00:00Z`);

const METER: ActiveMeter = { id: "meter-new", serial: "WS-2024-0042", dials: 5 };
const OLD_METER = "meter-old";
const NOW = day(200);

function past(
  index: number,
  readAt: Date,
  source: ReadingSource = "agent",
  meterId = METER.id,
): PastReading {
  return { index, readAt, source, meterId };
}

// One reading every 30 days, 240 apart, the last being 12,345 on day 90: a reference of
// 8 a day, the "240 a month".
function steady(sources: ReadingSource[], meterId = METER.id): PastReading[] {
  const last = sources.length - 1;
  return sources.map((source, i) =>
    past(12345 - 240 * (last - i), day(90 - 30 * (last - i)), source, meterId),
  );
}

const STEADY = steady(["agent", "self", "agent", "self"]);

function history(overrides: Partial<ReadingHistory> = {}): ReadingHistory {
  return {
    readings: STEADY,
    contractStart: "2020-06-15",
    timeZone: "Africa/Casablanca",
    meter: METER,
    ...overrides,
  };
}

function submit(
  index: number,
  options: { history?: ReadingHistory; on?: Date; serial?: string } = {},
): ReadingInput {
  return {
    history: options.history ?? history(),
    reading: { serial: options.serial ?? METER.serial, index, readAt: options.on ?? day(120) },
  };
}

// What the customer typed, through the same parser as the form.
function typed(raw: string, dials = METER.dials): number {
  const parsed = parseIndex(raw, dials);
  if (!parsed.ok) throw new Error(`expected ${raw} to parse, got ${parsed.error}`);
  return parsed.value;
}

function refused(refusal: Refusal): ReadingEvaluation {
  return { verdict: "refused", refusal, consumption: null, flags: [], photoRequested: false };
}

function accepted(consumption: number | null, flags: ReadingEvaluation["flags"] = []) {
  return { verdict: "accepted", consumption, flags, photoRequested: false };
}

function review(consumption: number | null, flags: ReadingEvaluation["flags"]) {
  return { verdict: "review", consumption, flags, photoRequested: flags.includes("high") };
}

type Row = [string, ReadingInput, object, Partial<PlausibilityConfig>?, Date?];

function check([, input, expected, config, now]: Row) {
  expect(evaluateReading(input, now ?? NOW, config)).toEqual(expected);
}

describe("evaluateReading: the issue's examples", () => {
  const rollingOver = history({ readings: [past(99630, day(60)), past(99870, day(90))] });

  it.each<Row>([
    [
      "accepts 12,345 → 12,600 against a 240/month average (255 in 30 days)",
      submit(typed("12,600")),
      accepted(255),
    ],
    [
      "refuses 12,345 → 12,300 as lower than the previous index",
      submit(typed("12,300")),
      refused("lower_than_previous"),
    ],
    [
      "flags a 5-dial meter going from 99,870 to 130 as a rollover of 260",
      submit(typed("130"), { history: rollingOver }),
      review(260, ["rollover"]),
    ],
    [
      "holds 12,345 → 12,800 against a 240 average and asks for a photo (455 > 360)",
      submit(typed("12 800")),
      { verdict: "review", consumption: 455, flags: ["high"], photoRequested: true },
    ],
    ["flags an unchanged index", submit(typed("١٢٣٤٥")), review(0, ["zero"])],
    [
      "refuses a serial that is not the contract's active meter",
      submit(12600, { serial: "WS-2024-0043" }),
      refused("wrong_serial"),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: identity", () => {
  it.each<Row>([
    [
      "accepts the serial typed in lower case with spaces",
      submit(12600, { serial: "ws 2024 0042" }),
      accepted(255),
    ],
    [
      "accepts the serial typed with Arabic-Indic digits",
      submit(12600, { serial: "WS-٢٠٢٤-٠٠٤٢" }),
      accepted(255),
    ],
    ["refuses an empty serial", submit(12600, { serial: "" }), refused("wrong_serial")],
    [
      "refuses a wrong serial before looking at the index",
      submit(12300, { serial: "WS-2024-0043" }),
      refused("wrong_serial"),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: format", () => {
  it.each<Row>([
    [
      "refuses an index with more digits than the register",
      submit(123456),
      refused("too_many_digits"),
    ],
    ["refuses a decimal index", submit(12600.5), refused("not_whole_number")],
    ["refuses a negative index", submit(-1), refused("not_whole_number")],
    ["refuses NaN", submit(Number.NaN), refused("not_whole_number")],
    ["refuses Infinity", submit(Number.POSITIVE_INFINITY), refused("not_whole_number")],
    [
      "refuses an index past 2^53 that cannot be exact",
      submit(2 ** 53),
      refused("not_whole_number"),
    ],
    [
      "accepts the largest index the dials can show",
      submit(99999, { history: history({ readings: [] }) }),
      accepted(null),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: dates", () => {
  const riyadh = history({ readings: [], contractStart: "2024-01-01", timeZone: "Asia/Riyadh" });

  it.each<Row>([
    [
      "accepts a reading stamped exactly now",
      submit(12600, { on: day(120) }),
      accepted(255),
      {},
      day(120),
    ],
    [
      "refuses a reading 1 ms in the future",
      submit(12600, { on: new Date(day(120).getTime() + 1) }),
      refused("in_future"),
      {},
      day(120),
    ],
    [
      "refuses a reading at the same instant as the previous one",
      submit(12600, { on: day(90) }),
      refused("before_previous"),
    ],
    [
      "refuses a reading dated before the previous one",
      submit(12600, { on: day(80) }),
      refused("before_previous"),
    ],
    [
      "refuses a reading at 23:59:59 local time on the eve of the contract",
      submit(500, { history: riyadh, on: new Date("2023-12-31T20:59:59Z") }),
      refused("before_contract"),
    ],
    [
      "accepts a reading at local midnight on the contract's first day, still 31 Dec in UTC",
      submit(500, { history: riyadh, on: new Date("2023-12-31T21:00:00Z") }),
      accepted(null),
    ],
    [
      "refuses a future reading before comparing its index",
      submit(12300, { on: day(201) }),
      refused("in_future"),
    ],
  ])("%s", (...row) => check(row));
});

describe("consumptionBetween", () => {
  it.each<[string, number, number, number, { consumption: number; rollover: boolean } | null]>([
    [
      "is the difference when the index went up",
      12345,
      12600,
      5,
      { consumption: 255, rollover: false },
    ],
    ["is 0 for an unchanged index", 12345, 12345, 5, { consumption: 0, rollover: false }],
    ["is null for a drop in mid-range", 12345, 12300, 5, null],
    ["wraps 99,870 → 130 on 5 dials into 260", 99870, 130, 5, { consumption: 260, rollover: true }],
    ["wraps 99,999 → 0 into 1", 99999, 0, 5, { consumption: 1, rollover: true }],
    [
      "wraps with both ends exactly on the thresholds (90 % and 10 %)",
      90000,
      10000,
      5,
      { consumption: 20000, rollover: true },
    ],
    ["is null when the previous is one below the top threshold", 89999, 10000, 5, null],
    ["is null when the new one is one above the bottom threshold", 90000, 10001, 5, null],
    ["uses the register's own range on 4 dials", 9950, 25, 4, { consumption: 75, rollover: true }],
  ])("%s", (_case, previous, next, dials, expected) => {
    expect(consumptionBetween(previous, next, dials)).toEqual(expected);
  });

  it("follows configured rollover shares", () => {
    const strict = { rolloverTopShare: 0.95, rolloverBottomShare: 0.01 };
    expect(consumptionBetween(94000, 100, 5, strict)).toBeNull();
    expect(consumptionBetween(95000, 1000, 5, strict)).toEqual({
      consumption: 6000,
      rollover: true,
    });
  });
});

describe("evaluateReading: lower index and rollover", () => {
  const near = (previous: number) =>
    history({ readings: [past(previous - 240, day(60)), past(previous, day(90))] });

  it.each<Row>([
    [
      "flags a rollover with both ends on the thresholds",
      submit(10000, { history: near(90000) }),
      review(20000, ["rollover"]),
    ],
    [
      "refuses a drop from just below the top threshold",
      submit(10000, { history: near(89999) }),
      refused("lower_than_previous"),
    ],
    [
      "refuses a drop to just above the bottom threshold",
      submit(10001, { history: near(90000) }),
      refused("lower_than_previous"),
    ],
    [
      "flags a rollover that is also high as both",
      submit(5000, {
        history: history({
          readings: steady(["agent", "agent", "agent", "agent"]).map((r) => ({
            ...r,
            index: r.index + 87000,
          })),
        }),
      }),
      review(5655, ["rollover", "high"]),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: high, low and zero against the reference", () => {
  const closedHome = history({
    readings: [0, 30, 60, 90].map((n) => past(12345, day(n))),
  });
  const firstOnly = history({ readings: [past(12345, day(90))] });

  it.each<Row>([
    ["accepts exactly 1.5 × the reference (360 in 30 days)", submit(12705), accepted(360)],
    [
      "holds one unit above 1.5 × the reference and asks for a photo",
      submit(12706),
      { verdict: "review", consumption: 361, flags: ["high"], photoRequested: true },
    ],
    ["accepts exactly 0.2 × the reference (48 in 30 days)", submit(12393), accepted(48)],
    ["flags one unit below 0.2 × the reference as low", submit(12392), review(47, ["low"])],
    ["flags a single unit in a month as low, not zero", submit(12346), review(1, ["low"])],
    ["flags an unchanged index as zero only, not also low", submit(12345), review(0, ["zero"])],
    [
      "flags an unchanged index even with no reference to compare with",
      submit(12345, { history: firstOnly }),
      review(0, ["zero"]),
    ],
    [
      "accepts an unchanged index where the reference is nothing (a closed home)",
      submit(12345, { history: closedHome }),
      accepted(0),
    ],
    [
      "accepts a big consumption when there is no reference to call it high",
      submit(20000, { history: firstOnly }),
      accepted(7655),
    ],
    [
      "compares daily rates: 720 in 60 days is exactly 1.5 × 8 a day",
      submit(13065, { on: day(150) }),
      accepted(720),
    ],
    [
      "compares daily rates: 721 in 60 days is high",
      submit(13066, { on: day(150) }),
      { verdict: "review", consumption: 721, flags: ["high"], photoRequested: true },
    ],
    [
      "counts a same-day second reading as one day, not a few hours (10 units)",
      submit(12355, { on: new Date(day(90).getTime() + 6 * HOUR_MS) }),
      accepted(10),
    ],
    [
      "still holds a same-day second reading above 1.5 × a day's reference",
      submit(12358, { on: new Date(day(90).getTime() + 6 * HOUR_MS) }),
      { verdict: "review", consumption: 13, flags: ["high"], photoRequested: true },
    ],
    ["follows a configured high factor", submit(12800), accepted(455), { highFactor: 2 }],
    ["accepts exactly a configured low factor", submit(12465), accepted(120), { lowFactor: 0.5 }],
    [
      "flags below a configured low factor",
      submit(12464),
      review(119, ["low"]),
      { lowFactor: 0.5 },
    ],
  ])("%s", (...row) => check(row));
});

describe("referenceDailyAverage", () => {
  const yearAgo = [
    past(1000, at("2023-03-01")),
    past(1300, at("2023-03-31")),
    past(1600, at("2023-06-29")),
  ];

  it.each<[string, PastReading[], Date, number | null, Partial<PlausibilityConfig>?]>([
    ["averages the last three real periods: 720 in 90 days is 8 a day", STEADY, day(120), 8],
    [
      "skips estimated readings, which are guesses",
      [...STEADY, past(99999, day(75), "estimated")],
      day(120),
      8,
    ],
    ["ignores periods older than the last three", [past(5000, day(-30)), ...STEADY], day(120), 8],
    [
      "weights periods by their length: 450 in 120 days, not the mean of 5, 2 and 3",
      [past(0, day(0)), past(300, day(60)), past(360, day(90)), past(450, day(120))],
      day(150),
      3.75,
    ],
    [
      "counts a rollover period on the active meter",
      [past(99500, day(0)), past(99740, day(30)), past(99980, day(60)), past(220, day(90))],
      day(120),
      8,
    ],
    [
      "skips the period across a meter swap",
      [
        past(0, day(-60), "agent", OLD_METER),
        past(240, day(-30), "agent", OLD_METER),
        past(5000, day(0)),
        past(5240, day(30)),
        past(5480, day(60)),
      ],
      day(90),
      8,
    ],
    [
      "ignores readings after the reading being checked",
      [...STEADY, past(99999, day(130))],
      day(120),
      8,
    ],
    [
      "falls back to the same month last year with fewer than three periods",
      yearAgo,
      at("2024-03-31"),
      10,
    ],
    [
      "maps 29 February to 28 February of the year before",
      [past(0, at("2023-02-01")), past(270, at("2023-02-28")), past(1200, at("2023-03-31"))],
      at("2024-02-29"),
      10,
    ],
    [
      "is null with too few periods and nothing a year earlier",
      [past(0, at("2023-06-01")), past(300, at("2023-07-01"))],
      at("2024-03-31"),
      null,
    ],
    ["is null for the first reading ever", [], day(120), null],
    ["is null with a single past reading", [past(12345, day(90))], day(120), null],
    [
      "is null when every past reading is an estimate",
      steady(["estimated", "estimated", "estimated", "estimated"]),
      day(120),
      null,
    ],
    [
      "is 0 for a home that used nothing",
      [0, 30, 60, 90].map((n) => past(12345, day(n))),
      day(120),
      0,
    ],
    [
      "uses as many periods as configured",
      [past(0, day(0)), past(300, day(30)), past(360, day(60))],
      day(90),
      2,
      { referenceReadings: 1 },
    ],
  ])("%s", (_case, readings, readAt, expected, config) => {
    const settings = { ...DEFAULT_PLAUSIBILITY, ...config };
    expect(referenceDailyAverage(history({ readings }), readAt, settings)).toBe(expected);
  });
});

describe("evaluateReading: agent reading due", () => {
  it.each<Row>([
    [
      "does not flag after an agent reading",
      submit(12600, {
        history: history({ readings: steady(["agent", "agent", "agent", "agent"]) }),
      }),
      accepted(255),
    ],
    [
      "allows a third self or estimated reading in a row",
      submit(12600, {
        history: history({ readings: steady(["self", "self", "agent", "self", "self"]) }),
      }),
      accepted(255),
    ],
    [
      "flags a fourth self reading in a row but still accepts it",
      submit(12600, { history: history({ readings: steady(["agent", "self", "self", "self"]) }) }),
      accepted(255, ["agent_reading_due"]),
    ],
    [
      "counts estimated readings in the run",
      submit(12600, {
        history: history({ readings: steady(["agent", "self", "estimated", "self"]) }),
      }),
      accepted(255, ["agent_reading_due"]),
    ],
    [
      "does not flag the first reading ever",
      submit(12600, { history: history({ readings: [] }) }),
      accepted(null),
    ],
    [
      "sends to review when the run is due and the reading is also high",
      submit(12800, { history: history({ readings: steady(["agent", "self", "self", "self"]) }) }),
      {
        verdict: "review",
        consumption: 455,
        flags: ["high", "agent_reading_due"],
        photoRequested: true,
      },
    ],
    [
      "follows a configured run length",
      submit(12600, {
        history: history({ readings: steady(["agent", "agent", "agent", "self"]) }),
      }),
      accepted(255, ["agent_reading_due"]),
      { maxConsecutiveNonAgent: 1 },
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: meter replaced during the period", () => {
  const oldReadings = steady(["agent", "self", "agent", "self"], OLD_METER);
  const swap = (newMeterInitialIndex: number, oldMeterFinalIndex = 12500) =>
    history({
      readings: oldReadings,
      replacement: { oldMeterFinalIndex, oldMeterPreviousIndex: 12345, newMeterInitialIndex },
    });

  it.each<Row>([
    [
      "spans both meters: 155 on the old one and 100 on the new one, accepted as plausible",
      submit(100, { history: swap(0) }),
      accepted(255),
    ],
    [
      "counts from the new meter's initial index",
      submit(150, { history: swap(50) }),
      accepted(255),
    ],
    [
      "refuses an index below the new meter's initial index",
      submit(20, { history: swap(50) }),
      refused("lower_than_previous"),
    ],
    [
      "judges the combined consumption against the reference (400 + 55 is high)",
      submit(55, { history: swap(0, 12745) }),
      {
        verdict: "review",
        consumption: 455,
        flags: ["high"],
        photoRequested: true,
      },
    ],
    [
      "sends to review with no consumption when the swap figures are missing",
      submit(100, { history: history({ readings: oldReadings }) }),
      review(null, ["meter_replaced"]),
    ],
    [
      "ignores stale swap figures once the new meter has its own reading",
      submit(260, {
        history: history({
          readings: [...oldReadings, past(100, day(100))],
          replacement: {
            oldMeterFinalIndex: 12500,
            oldMeterPreviousIndex: 12345,
            newMeterInitialIndex: 0,
          },
        }),
      }),
      accepted(160),
    ],
    [
      "restarts the run of unchecked readings, as the agent read both meters",
      submit(100, {
        history: history({
          readings: steady(["agent", "self", "self", "self"], OLD_METER),
          replacement: {
            oldMeterFinalIndex: 12500,
            oldMeterPreviousIndex: 12345,
            newMeterInitialIndex: 0,
          },
        }),
      }),
      accepted(255),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: first reading ever", () => {
  const fresh = (initialIndex?: number) =>
    history({ readings: [], meter: { ...METER, initialIndex } });

  it.each<Row>([
    [
      "accepts it without a consumption when the installation index is unknown",
      submit(255, { history: fresh() }),
      accepted(null),
    ],
    ["measures it from the installation index", submit(255, { history: fresh(0) }), accepted(255)],
    [
      "flags it when it equals the installation index",
      submit(255, { history: fresh(255) }),
      review(0, ["zero"]),
    ],
    [
      "refuses it below the installation index",
      submit(255, { history: fresh(300) }),
      refused("lower_than_previous"),
    ],
  ])("%s", (...row) => check(row));
});

describe("evaluateReading: corrupt data", () => {
  it("throws on an invalid clock instead of accepting everything", () => {
    expect(() => evaluateReading(submit(12600), new Date(Number.NaN))).toThrow(RangeError);
  });

  it("throws on a meter with an impossible dial count", () => {
    const input = submit(12600, { history: history({ meter: { ...METER, dials: 0 } }) });
    expect(() => evaluateReading(input, NOW)).toThrow(RangeError);
  });

  it("throws when the old meter's final index is below its previous one", () => {
    const input = submit(100, {
      history: history({
        readings: steady(["agent"], OLD_METER),
        replacement: {
          oldMeterFinalIndex: 12000,
          oldMeterPreviousIndex: 12345,
          newMeterInitialIndex: 0,
        },
      }),
    });
    expect(() => evaluateReading(input, NOW)).toThrow(RangeError);
  });
});
