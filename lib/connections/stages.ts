/**
 * The stages of a connection, subscription or termination request, as a pure state machine:
 * which move is allowed from where, and what it needs. The code around it (transition.ts)
 * loads the request, asks `checkTransition`, and stores the move with its audit and event.
 */
export type Family = "connection" | "subscription" | "termination";

export const FLOWS = {
  connection: [
    "submitted",
    "documents_checked",
    "visit_scheduled",
    "visit_done",
    "quote_issued",
    "quote_paid",
    "works_scheduled",
    "works_done",
    "meter_installed",
    "contract_activated",
  ],
  subscription: [
    "submitted",
    "documents_checked",
    "quote_issued",
    "quote_paid",
    "meter_installed",
    "contract_activated",
  ],
  termination: ["submitted", "final_reading", "final_bill", "deposit_settled", "contract_closed"],
} as const satisfies Record<Family, readonly string[]>;

export type FlowStage = (typeof FLOWS)[Family][number];
/** Off the main line: waiting for the customer's documents, or refused. */
export type Stage = FlowStage | "incomplete" | "rejected";

export const ALL_STAGES: readonly Stage[] = [
  ...new Set<Stage>([...FLOWS.connection, ...FLOWS.termination, "incomplete", "rejected"]),
];

export type Mover = "staff" | "customer" | "payment" | "system";

export type TransitionInput = {
  family: Family;
  from: Stage;
  to: Stage;
  by: Mover;
  /** Why: required to go back, to reject, and to ask for documents. */
  reason?: string | null;
  /** For "incomplete": the documents listed as missing or unreadable (at least one). */
  missingDocuments?: readonly string[];
};

export type TransitionVerdict =
  | { ok: true; direction: "forward" | "back" | "pause" | "resume" | "reject" }
  | { ok: false; rule: TransitionRule };

export type TransitionRule =
  | "terminal"
  | "unknownStage"
  | "skip"
  | "backWithoutReason"
  | "same"
  | "incompleteNeedsDocuments"
  | "incompleteOnlyWhenChecking"
  | "onlyCustomerCompletes"
  | "mustComplete"
  | "rejectNeedsReason"
  | "onlyPaymentPays"
  | "paidStaysPaid";

const TERMINAL: readonly Stage[] = ["contract_activated", "contract_closed", "rejected"];

export function isTerminal(stage: Stage): boolean {
  return TERMINAL.includes(stage);
}

/** The next stage on the family's line, or null at its end (or off the line). */
export function nextStage(family: Family, from: Stage): FlowStage | null {
  const flow: readonly string[] = FLOWS[family];
  const i = flow.indexOf(from);
  if (i < 0 || i === flow.length - 1) return null;
  return flow[i + 1] as FlowStage;
}

const hasText = (s: string | null | undefined) => !!s && s.trim().length > 0;

/**
 * Whether a request may move from one stage to another:
 * - forward one stage at a time, never skipping;
 * - back to an earlier stage only with a reason (a visit to redo);
 * - "incomplete" only while the documents are being checked, listing at least one document,
 *   and only the customer's completion brings the request back to "submitted";
 * - "rejected" from any open stage, with a reason;
 * - "quote_paid" only by a settled payment, never by hand;
 * - nothing leaves a terminal stage.
 */
export function checkTransition(t: TransitionInput): TransitionVerdict {
  const flow: readonly string[] = FLOWS[t.family];
  const known = (s: Stage) => flow.includes(s) || s === "incomplete" || s === "rejected";
  if (!known(t.from) || !known(t.to)) return { ok: false, rule: "unknownStage" };
  if (isTerminal(t.from)) return { ok: false, rule: "terminal" };
  if (t.from === t.to) return { ok: false, rule: "same" };

  if (t.to === "rejected") {
    return hasText(t.reason)
      ? { ok: true, direction: "reject" }
      : { ok: false, rule: "rejectNeedsReason" };
  }
  if (t.to === "incomplete") {
    if (t.from !== "submitted") return { ok: false, rule: "incompleteOnlyWhenChecking" };
    if (!t.missingDocuments?.length) return { ok: false, rule: "incompleteNeedsDocuments" };
    return { ok: true, direction: "pause" };
  }
  if (t.from === "incomplete") {
    if (t.to !== "submitted") return { ok: false, rule: "mustComplete" };
    return t.by === "customer"
      ? { ok: true, direction: "resume" }
      : { ok: false, rule: "onlyCustomerCompletes" };
  }
  if (t.to === "quote_paid" && t.by !== "payment") return { ok: false, rule: "onlyPaymentPays" };

  const from = flow.indexOf(t.from);
  const to = flow.indexOf(t.to);
  if (to === from + 1) return { ok: true, direction: "forward" };
  if (to > from) return { ok: false, rule: "skip" };
  // Money received is not undone by moving a request back: the quote would be paid twice.
  const paid = flow.indexOf("quote_paid");
  if (paid >= 0 && from >= paid && to < paid) return { ok: false, rule: "paidStaysPaid" };
  return hasText(t.reason)
    ? { ok: true, direction: "back" }
    : { ok: false, rule: "backWithoutReason" };
}
