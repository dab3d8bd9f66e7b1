/**
 * Number prefixes that documents other than work items count in the shared gap-free counters
 * (number_counters): bills, payment receipts, reading receipts. A request kind may not take
 * one, or its items and those documents would share a sequence.
 */
export const BILL_PREFIX = "FA";
export const PAYMENT_RECEIPT_PREFIX = "QP";
export const READING_RECEIPT_PREFIX = "RL";
/** Connection quotes (devis) and the contracts connection requests create (lib/connections). */
export const QUOTE_PREFIX = "DV";
export const NEW_CONTRACT_PREFIX = "CT";

/** The mail registry's incoming and outgoing registers (lib/registry/numbers.ts). */
export const REGISTRY_INCOMING_PREFIX = "ARR";
export const REGISTRY_OUTGOING_PREFIX = "DEP";

export const RESERVED_PREFIXES: readonly string[] = [
  BILL_PREFIX,
  PAYMENT_RECEIPT_PREFIX,
  READING_RECEIPT_PREFIX,
  REGISTRY_INCOMING_PREFIX,
  REGISTRY_OUTGOING_PREFIX,
  QUOTE_PREFIX,
  NEW_CONTRACT_PREFIX,
];
