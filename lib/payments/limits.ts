/**
 * Limits of an online payment, in minor units (centimes). A payer may pay more than is due (the
 * rest becomes a credit on the account), but not without bound: a typo of three extra zeros
 * should be refused, not charged.
 */
export const PAYMENT_LIMITS = {
  /** The smallest amount a payer may choose: 1.00. */
  minMinor: 100,
  /** How much more than the sum due a payer may pay, as a credit: 10,000.00. */
  maxCreditMinor: 1_000_000,
  /** Bills in one checkout. */
  maxBills: 50,
} as const;
