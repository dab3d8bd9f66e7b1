import { canonicalCode } from "@/lib/validation/fields";
import { assertDials } from "./parse-index";
import { daysBetween, localDate } from "./reading-window";

/**
 * Plausibility of a customer's self-reading: pure rules over the reading, the register's history
 * and a clock passed in, so that each rule can be table-tested and replayed on old data. The
 * caller loads the history, stores the verdict, opens the review item and asks for the photo.
 */

/** Why a reading goes to review (or, for `agent_reading_due` alone, is accepted but noted). */
export const FLAGS = [
  "rollover",
  "meter_replaced",
  "high",
  "low",
  "zero",
  "agent_reading_due",
] as const;

/** A reason a reading is flagged; also a message key for the UI. */
export type Flag = (typeof FLAGS)[number];

/** Why a reading is refused outright, in the order the rules are checked. */
export const REFUSALS = [
  "wrong_serial",
  "not_whole_number",
  "too_many_digits",
  "in_future",
  "before_contract",
  "before_previous",
  "lower_than_previous",
] as const;

/** A reason a reading is refused; also a message key for the UI. */
export type Refusal = (typeof REFUSALS)[number];

/** Every reason key the UI may have to translate. */
export type ReadingReason = Flag | Refusal;

// Flags that do not stop a reading from counting: the next visit must be an agent's, but the
// customer's figure is fine for this bill.
const INFORMATIONAL: ReadonlySet<Flag> = new Set<Flag>(["agent_reading_due"]);

/** Tunable thresholds; admins may override any of them. */
export interface PlausibilityConfig {
  /** Daily consumption above this multiple of the reference is held for review. */
  readonly highFactor: number;
  /** Daily consumption below this multiple of the reference is flagged for review. */
  readonly lowFactor: number;
  /** A lower index is a rollover only if the previous was at least this share of 10^dials… */
  readonly rolloverTopShare: number;
  /** …and the new one at most this share of 10^dials. */
  readonly rolloverBottomShare: number;
  /** Self or estimated readings allowed in a row before an agent must read the meter. */
  readonly maxConsecutiveNonAgent: number;
  /** How many past real reading periods make the reference daily average. */
  readonly referenceReadings: number;
}

/** The defaults. */
export const DEFAULT_PLAUSIBILITY: PlausibilityConfig = {
  highFactor: 1.5,
  lowFactor: 0.2,
  rolloverTopShare: 0.9,
  rolloverBottomShare: 0.1,
  maxConsecutiveNonAgent: 3,
  referenceReadings: 3,
};

/** Who read the index. Estimated readings are billed but are not real readings. */
export type ReadingSource = "agent" | "self" | "estimated";

/** A reading that counts (accepted, or estimated and billed), on this or an earlier meter. */
export interface PastReading {
  readonly index: number;
  readonly readAt: Date;
  readonly source: ReadingSource;
  readonly meterId: string;
}

/** The meter active on the contract now. */
export interface ActiveMeter {
  readonly id: string;
  readonly serial: string;
  readonly dials: number;
  /**
   * Index at installation (meter_registers.initial_index): the base of the first consumption
   * when the contract has no reading at all. Without it a first reading has no consumption.
   */
  readonly initialIndex?: number;
}

/**
 * Figures from the agent who swapped the meter during the current period. Consumption then
 * spans both meters: (oldMeterFinalIndex − oldMeterPreviousIndex) + (new − newMeterInitialIndex).
 */
export interface MeterReplacement {
  readonly oldMeterFinalIndex: number;
  readonly oldMeterPreviousIndex: number;
  readonly newMeterInitialIndex: number;
}

/** Everything known about the register before this reading. */
export interface ReadingHistory {
  /** Past readings in any order; readings in review or rejected must not be included. */
  readonly readings: readonly PastReading[];
  /** Contract start, a local YYYY-MM-DD date. */
  readonly contractStart: string;
  /** The utility's IANA time zone, in which contractStart is a calendar date. */
  readonly timeZone: string;
  readonly meter: ActiveMeter;
  /** Only used while the latest reading is still on the old meter. */
  readonly replacement?: MeterReplacement;
}

/** What the customer submitted; `index` is already parsed (see parseIndex). */
export interface SubmittedReading {
  readonly serial: string;
  readonly index: number;
  readonly readAt: Date;
}

/** The input of evaluateReading. */
export interface ReadingInput {
  readonly history: ReadingHistory;
  readonly reading: SubmittedReading;
}

/**
 * The verdict on a reading. Refused readings carry the single rule they broke; the others carry
 * every flag raised, in FLAGS order. `photoRequested` is set when the customer must be told the
 * consumption is unusual and asked for a photo of the dials.
 */
export type ReadingEvaluation =
  | {
      verdict: "refused";
      refusal: Refusal;
      consumption: null;
      flags: Flag[];
      photoRequested: false;
    }
  | {
      verdict: "accepted" | "review";
      refusal?: undefined;
      consumption: number | null;
      flags: Flag[];
      photoRequested: boolean;
    };

/** Consumption between two indexes of one register, and whether the dials went round. */
export interface Consumption {
  readonly consumption: number;
  readonly rollover: boolean;
}

const DAY_MS = 86_400_000;

// Rates are quotients (255 units / 30 days), so the factor comparisons allow a hair of binary
// rounding: a consumption of exactly 1.5 × the reference must not tip into "high" by 1e-15.
const TOLERANCE = 1e-9;

function isGreater(a: number, b: number): boolean {
  return a - b > TOLERANCE * Math.max(1, Math.abs(b));
}

function refuse(refusal: Refusal): ReadingEvaluation {
  return { verdict: "refused", refusal, consumption: null, flags: [], photoRequested: false };
}

function assertInstant(value: Date, name: string): void {
  if (Number.isNaN(value.getTime())) throw new RangeError(`${name} is an invalid Date`);
}

function byReadAt(readings: readonly PastReading[]): PastReading[] {
  return [...readings].sort((a, b) => a.readAt.getTime() - b.readAt.getTime());
}

/**
 * Consumption from `previous` to `next` on a register with `dials` digits. A lower index is a
 * rollover (10^dials − previous + next) only when the previous was near the top of the dial
 * range and the new one near zero; any other drop is impossible and yields null.
 */
export function consumptionBetween(
  previous: number,
  next: number,
  dials: number,
  config: Pick<
    PlausibilityConfig,
    "rolloverTopShare" | "rolloverBottomShare"
  > = DEFAULT_PLAUSIBILITY,
): Consumption | null {
  assertDials(dials);
  if (next >= previous) return { consumption: next - previous, rollover: false };
  const range = 10 ** dials;
  // Both ends inclusive, as the issue states them (≥ 90 %, ≤ 10 %). The default shares times a
  // power of ten are exact in binary, so 90000 really is the threshold of a 5-dial meter.
  const nearTop = previous >= config.rolloverTopShare * range;
  const nearZero = next <= config.rolloverBottomShare * range;
  if (!nearTop || !nearZero) return null;
  return { consumption: range - previous + next, rollover: true };
}

interface Period {
  readonly from: number;
  readonly to: number;
  readonly consumption: number;
  readonly days: number;
}

// A period between two consecutive real readings of one meter. Periods across a meter swap are
// skipped (the indexes belong to different registers), and so are drops on an old meter, whose
// dial count is no longer known, rather than guessing a rollover.
function realPeriod(
  a: PastReading,
  b: PastReading,
  history: ReadingHistory,
  config: PlausibilityConfig,
): Period | null {
  if (a.meterId !== b.meterId) return null;
  const from = a.readAt.getTime();
  const to = b.readAt.getTime();
  if (to <= from) return null;
  const between =
    b.meterId === history.meter.id
      ? consumptionBetween(a.index, b.index, history.meter.dials, config)
      : b.index >= a.index
        ? { consumption: b.index - a.index }
        : null;
  if (between === null) return null;
  return { from, to, consumption: between.consumption, days: (to - from) / DAY_MS };
}

// The same instant a calendar year earlier; 29 February becomes 28 February, not 1 March.
function oneYearBefore(instant: Date): number {
  const year = instant.getUTCFullYear() - 1;
  const month = instant.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(instant.getTime());
  shifted.setUTCFullYear(year, month, Math.min(instant.getUTCDate(), lastDay));
  return shifted.getTime();
}

/**
 * The reference daily consumption for a reading taken at `readAt`: total consumption over total
 * days of the last `referenceReadings` periods between real (agent or accepted self) readings
 * before `readAt`, so a long period weighs more than a short one. Estimated readings are skipped:
 * they are guesses, and a period from one real reading to the next still measures real use.
 * With fewer real periods, the rate of the period covering the same date a year earlier; with
 * neither, null, and no high/low check can be made.
 */
export function referenceDailyAverage(
  history: ReadingHistory,
  readAt: Date,
  config: PlausibilityConfig = DEFAULT_PLAUSIBILITY,
): number | null {
  const real = byReadAt(history.readings).filter(
    (r) => r.source !== "estimated" && r.readAt.getTime() < readAt.getTime(),
  );
  const periods: Period[] = [];
  for (let i = 1; i < real.length; i++) {
    const period = realPeriod(real[i - 1]!, real[i]!, history, config);
    if (period) periods.push(period);
  }

  if (config.referenceReadings > 0 && periods.length >= config.referenceReadings) {
    const recent = periods.slice(-config.referenceReadings);
    const consumption = recent.reduce((sum, p) => sum + p.consumption, 0);
    const days = recent.reduce((sum, p) => sum + p.days, 0);
    return consumption / days;
  }

  const target = oneYearBefore(readAt);
  const lastYear = periods.find((p) => p.from < target && target <= p.to);
  return lastYear ? lastYear.consumption / lastYear.days : null;
}

// Self and estimated readings since the last agent reading, newest first.
function nonAgentRun(sorted: readonly PastReading[]): number {
  let run = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.source !== "agent"; i--) run++;
  return run;
}

/**
 * Check a customer's self-reading against the rules, in order: identity (serial of the active
 * meter), format (whole number within the dials), dates (not after `now`, not before the
 * contract, after the previous reading), then consumption (lower index → rollover or refusal;
 * meter swap → both meters), high/low/zero against the reference daily average, and the run of
 * readings without an agent. Flagged readings go to review, except `agent_reading_due` alone.
 * Throws RangeError on corrupt data (invalid dates, dial count), never on what a customer typed.
 */
export function evaluateReading(
  input: ReadingInput,
  now: Date,
  config: Partial<PlausibilityConfig> = {},
): ReadingEvaluation {
  const settings: PlausibilityConfig = { ...DEFAULT_PLAUSIBILITY, ...config };
  const { history, reading } = input;
  const { meter } = history;
  assertDials(meter.dials);
  assertInstant(now, "now");
  assertInstant(reading.readAt, "readAt");

  // Identity: serials are compared as printed-code canonical forms, so "ws 2024 0042" typed on a
  // phone, or with Arabic-Indic digits, is the meter "WS-2024-0042".
  if (canonicalCode(reading.serial) !== canonicalCode(meter.serial)) return refuse("wrong_serial");

  // Format: parseIndex already refuses bad typing with a message; this guards callers that
  // bypass it (an API client, an import) with the same rules.
  if (!Number.isSafeInteger(reading.index) || reading.index < 0) {
    return refuse("not_whole_number");
  }
  if (String(reading.index).length > meter.dials) return refuse("too_many_digits");

  // Dates.
  const readAt = reading.readAt.getTime();
  if (readAt > now.getTime()) return refuse("in_future");
  // The contract starts on a local calendar day; comparing instants with midnight UTC would
  // refuse a reading taken at 00:30 in Riyadh on the first day.
  if (daysBetween(history.contractStart, localDate(reading.readAt, history.timeZone)) < 0) {
    return refuse("before_contract");
  }
  const past = byReadAt(history.readings);
  const previous = past.at(-1);
  if (previous && readAt <= previous.readAt.getTime()) return refuse("before_previous");

  // Consumption, from the best base there is.
  const flags = new Set<Flag>();
  let consumption: number | null = null;
  let swappedThisPeriod = false;
  if (previous?.meterId === meter.id) {
    const between = consumptionBetween(previous.index, reading.index, meter.dials, settings);
    if (between === null) return refuse("lower_than_previous");
    consumption = between.consumption;
    if (between.rollover) flags.add("rollover");
  } else if (history.replacement) {
    const { oldMeterFinalIndex, oldMeterPreviousIndex, newMeterInitialIndex } = history.replacement;
    const onNewMeter = consumptionBetween(
      newMeterInitialIndex,
      reading.index,
      meter.dials,
      settings,
    );
    if (onNewMeter === null) return refuse("lower_than_previous");
    const onOldMeter = oldMeterFinalIndex - oldMeterPreviousIndex;
    if (onOldMeter < 0)
      throw new RangeError("The old meter's final index is below its previous one");
    consumption = onOldMeter + onNewMeter.consumption;
    // The swap was recorded with its figures (lib/metering/meter-exchange.ts), so there is a
    // base: the reading is judged on its combined consumption like any other, and only what the
    // rules below find (high, low, zero) sends it to a clerk.
    if (onNewMeter.rollover) flags.add("rollover");
    swappedThisPeriod = true;
  } else if (previous) {
    // The last reading is on another meter and nobody recorded the swap figures: there is no
    // base to subtract from, so a person has to look.
    flags.add("meter_replaced");
  } else if (meter.initialIndex !== undefined) {
    const between = consumptionBetween(meter.initialIndex, reading.index, meter.dials, settings);
    if (between === null) return refuse("lower_than_previous");
    consumption = between.consumption;
    if (between.rollover) flags.add("rollover");
  }

  if (consumption !== null) {
    const reference = referenceDailyAverage(history, reading.readAt, settings);
    if (consumption === 0) {
      // An unchanged index is the classic mistake of copying the last bill; it is only normal
      // where the reference itself shows the premises use nothing (a closed holiday home).
      if (reference !== 0) flags.add("zero");
    } else if (reference !== null && previous) {
      // At least one day, so that a second reading the same afternoon (5 units in 3 hours) is
      // not extrapolated to 40 a day and held as "high".
      const days = Math.max(1, (readAt - previous.readAt.getTime()) / DAY_MS);
      const rate = consumption / days;
      if (isGreater(rate, settings.highFactor * reference)) flags.add("high");
      else if (isGreater(settings.lowFactor * reference, rate)) flags.add("low");
    }
  }

  // The agent who swapped the meter read it, so the run of unchecked readings starts afresh.
  const run = swappedThisPeriod ? 0 : nonAgentRun(past);
  if (run + 1 > settings.maxConsecutiveNonAgent) flags.add("agent_reading_due");

  const ordered = FLAGS.filter((flag) => flags.has(flag));
  return {
    verdict: ordered.some((flag) => !INFORMATIONAL.has(flag)) ? "review" : "accepted",
    consumption,
    flags: ordered,
    photoRequested: flags.has("high"),
  };
}
