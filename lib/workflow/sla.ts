/**
 * Service-level deadlines of a back-office item, derived from its status history every time
 * rather than stored: when an admin changes a policy or a calendar, every open item's deadline
 * follows on the next read, with no migration of stored dates.
 */
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
} from "@/lib/workflow/business-time";

export type ItemStatus =
  "new" | "in_progress" | "waiting_customer" | "waiting_internal" | "resolved" | "closed";

/** One status change; a history is chronological and its first entry is the creation. */
export type StatusChange = { at: Date; status: ItemStatus };

/** Both in business minutes of the item's calendar. */
export type SlaPolicy = { firstResponseMinutes: number; resolutionMinutes: number };

export type SlaState = {
  firstResponseDueAt: Date;
  /** Null while paused on the customer: the deadline is unknown until the clock resumes. */
  resolutionDueAt: Date | null;
  /**
   * Whole business minutes the clock has run (rounded down): waiting_customer excluded,
   * waiting_internal included.
   */
  businessMinutesTaken: number;
  /** resolutionMinutes - taken; negative once breached. */
  businessMinutesLeft: number;
  /** Whole business minutes spent in waiting_internal (already part of the taken minutes). */
  waitingInternalMinutes: number;
  paused: boolean;
  /** The clock ran past the resolution deadline (open and now past it, or resolved after it). */
  breached: boolean;
  /** No first response by firstResponseDueAt (answered late, or still unanswered after it). */
  firstResponseBreached: boolean;
};

type ClockMode = "running" | "paused" | "stopped";

function modeOf(status: ItemStatus): ClockMode {
  switch (status) {
    case "new":
    case "in_progress":
    case "waiting_internal":
      // Waiting on another department is the utility's own delay: the customer still waits.
      return "running";
    case "waiting_customer":
      return "paused";
    case "resolved":
    case "closed":
      return "stopped";
  }
}

const MINUTE_MS = 60_000;

/**
 * The SLA state of an item at `now`. The resolution clock runs in business time from creation,
 * pauses in waiting_customer, stops in resolved/closed and runs on from where it stopped when
 * the item is reopened. History entries after `now` are ignored, so the same function answers
 * "as of" any instant. Throws on an empty or non-chronological history.
 */
export function computeSla(
  cal: BusinessCalendar,
  policy: SlaPolicy,
  history: StatusChange[],
  firstResponseAt: Date | null,
  now: Date,
): SlaState {
  const creation = history[0];
  if (!creation) throw new Error("computeSla: the status history is empty");
  for (let i = 1; i < history.length; i++) {
    if (history[i]!.at < history[i - 1]!.at) {
      throw new Error("computeSla: the status history is not in chronological order");
    }
  }
  const budgetMs = Math.round(policy.resolutionMinutes * MINUTE_MS);
  if (!Number.isFinite(budgetMs) || budgetMs < 0) {
    throw new Error("computeSla: resolutionMinutes must be a finite number >= 0");
  }
  const createdMs = creation.at.getTime();
  const endMs = Math.max(now.getTime(), createdMs);
  const msBetween = (from: number, to: number) =>
    Math.round(businessMinutesBetween(cal, new Date(from), new Date(to)) * MINUTE_MS);
  const deadlineAfter = (from: number, ms: number) =>
    addBusinessMinutes(cal, new Date(from), ms / MINUTE_MS).getTime();

  let takenMs = 0;
  let waitingInternalMs = 0;
  // The current (or last) run of the clock: where it resumed and what had been used by then.
  let runStartMs = createdMs;
  let takenAtRunStartMs = 0;
  let lastRunEndMs: number | null = null;
  // The instant the budget ran out, once it has: fixed for good, whatever happens afterwards.
  let exhaustedAtMs: number | null = null;
  // The deadline "as it stood" when the clock last stopped; a stop straight from a pause has
  // none to report. Seeded for an item created directly as resolved.
  let stoppedDueMs: number | null = null;
  let mode: ClockMode = "running";

  const runningDeadline = () =>
    exhaustedAtMs ?? deadlineAfter(runStartMs, budgetMs - takenAtRunStartMs);

  const entries = history.filter((change) => change.at.getTime() <= endMs);
  for (let i = 0; i < entries.length; i++) {
    const change = entries[i]!;
    const startMs = change.at.getTime();
    const segmentEndMs = entries[i + 1]?.at.getTime() ?? endMs;
    const next = modeOf(change.status);

    if (next === "running" && mode !== "running") {
      runStartMs = startMs;
      takenAtRunStartMs = takenMs;
    } else if (next === "stopped" && mode !== "stopped") {
      stoppedDueMs = mode === "running" ? runningDeadline() : null;
    }
    mode = next;

    if (mode === "running") {
      const ms = msBetween(startMs, segmentEndMs);
      if (exhaustedAtMs === null && takenMs + ms >= budgetMs) {
        exhaustedAtMs = deadlineAfter(startMs, budgetMs - takenMs);
      }
      takenMs += ms;
      if (change.status === "waiting_internal") waitingInternalMs += ms;
      lastRunEndMs = segmentEndMs;
    }
  }

  const resolutionDueMs =
    mode === "running" ? runningDeadline() : mode === "stopped" ? stoppedDueMs : null;
  const firstResponseDueAt = addBusinessMinutes(cal, creation.at, policy.firstResponseMinutes);
  // A response recorded after `now` has not happened yet as far as this evaluation goes.
  const answeredMs =
    firstResponseAt && firstResponseAt.getTime() <= endMs ? firstResponseAt.getTime() : null;

  // Whole minutes: real timestamps carry seconds, the figures are stored in integer columns,
  // and a minute counts as taken once it has fully elapsed. Breaches are decided on instants
  // above, not on these rounded figures.
  const takenMinutes = Math.floor(takenMs / MINUTE_MS);

  return {
    firstResponseDueAt,
    resolutionDueAt: resolutionDueMs === null ? null : new Date(resolutionDueMs),
    businessMinutesTaken: takenMinutes,
    businessMinutesLeft: policy.resolutionMinutes - takenMinutes,
    waitingInternalMinutes: Math.floor(waitingInternalMs / MINUTE_MS),
    paused: mode === "paused",
    // Past the deadline while the clock ran: checked against the last running instant, so a
    // pause or a resolution before the deadline never counts, and a breach is never undone.
    breached: exhaustedAtMs !== null && lastRunEndMs !== null && lastRunEndMs > exhaustedAtMs,
    firstResponseBreached: (answeredMs ?? endMs) > firstResponseDueAt.getTime(),
  };
}
