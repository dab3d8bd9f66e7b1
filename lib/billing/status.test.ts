import { describe, expect, it } from "vitest";
import { amountDueMinor, billPaymentStatus } from "./status";

const base = { status: "issued" as const, totalMinor: 41336, dueDate: "2026-11-20" };

describe("billPaymentStatus", () => {
  it.each([
    { paidMinor: 0, today: "2026-11-20", expected: "unpaid" },
    { paidMinor: 0, today: "2026-11-21", expected: "overdue" },
    { paidMinor: 10000, today: "2026-11-19", expected: "partly_paid" },
    { paidMinor: 10000, today: "2026-12-01", expected: "overdue" },
    { paidMinor: 41336, today: "2026-12-01", expected: "paid" },
    { paidMinor: 50000, today: "2026-12-01", expected: "paid" },
  ])("is $expected when $paidMinor is paid on $today", ({ paidMinor, today, expected }) => {
    expect(billPaymentStatus({ ...base, paidMinor, today })).toBe(expected);
  });

  it("calls a cancelled bill cancelled whatever was paid", () => {
    expect(
      billPaymentStatus({ ...base, status: "cancelled", paidMinor: 0, today: "2027-01-01" }),
    ).toBe("cancelled");
  });
});

describe("amountDueMinor", () => {
  it("owes the rest of a partly paid bill", () => {
    expect(amountDueMinor({ status: "issued", totalMinor: 41336, paidMinor: 10000 })).toBe(31336);
  });
  it("never owes a negative amount: an overpayment is a credit", () => {
    expect(amountDueMinor({ status: "issued", totalMinor: 41336, paidMinor: 50000 })).toBe(0);
  });
  it("owes nothing on a cancelled bill", () => {
    expect(amountDueMinor({ status: "cancelled", totalMinor: 41336, paidMinor: 0 })).toBe(0);
  });
});
