/** What a customer sees of a bill's payment state; derived from allocations, never set by hand. */
export type BillPaymentStatus = "unpaid" | "partly_paid" | "paid" | "overdue" | "cancelled";

export function billPaymentStatus(bill: {
  status: "issued" | "cancelled";
  totalMinor: number;
  paidMinor: number;
  dueDate: string;
  today: string;
}): BillPaymentStatus {
  if (bill.status === "cancelled") return "cancelled";
  if (bill.paidMinor >= bill.totalMinor) return "paid";
  if (bill.dueDate < bill.today) return "overdue";
  return bill.paidMinor > 0 ? "partly_paid" : "unpaid";
}

/** What is still owed on a bill (never negative: an overpayment is a credit on the account). */
export function amountDueMinor(bill: { status: string; totalMinor: number; paidMinor: number }) {
  if (bill.status === "cancelled") return 0;
  return Math.max(0, bill.totalMinor - bill.paidMinor);
}
