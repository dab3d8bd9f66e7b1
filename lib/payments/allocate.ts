/**
 * How a payment settles bills: the bills in the order given (oldest first), each up to what is
 * still due on it; what is left over is a credit on the customer's account. Pure, integers only.
 */
export type Allocation = { billId: string; amountMinor: number };

export function allocate(
  bills: { id: string; dueMinor: number }[],
  amountMinor: number,
): { allocations: Allocation[]; creditMinor: number } {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new RangeError(`allocate: bad amount ${amountMinor}`);
  let left = amountMinor;
  const allocations: Allocation[] = [];
  for (const bill of bills) {
    if (left <= 0) break;
    const share = Math.min(left, Math.max(0, bill.dueMinor));
    if (share > 0) {
      allocations.push({ billId: bill.id, amountMinor: share });
      left -= share;
    }
  }
  return { allocations, creditMinor: left };
}

/**
 * What a refund takes back, newest first: the credit left over, then the allocations in reverse
 * order. Returns negative allocations (the ledger is appended to, never rewritten).
 */
export function reverseAllocations(
  allocations: Allocation[],
  creditMinor: number,
  refundMinor: number,
): { reversals: Allocation[]; creditTakenMinor: number } {
  let left = refundMinor;
  const creditTakenMinor = Math.min(left, Math.max(0, creditMinor));
  left -= creditTakenMinor;
  const reversals: Allocation[] = [];
  for (const a of [...allocations].reverse()) {
    if (left <= 0) break;
    const share = Math.min(left, a.amountMinor);
    if (share > 0) {
      reversals.push({ billId: a.billId, amountMinor: -share });
      left -= share;
    }
  }
  return { reversals, creditTakenMinor };
}
