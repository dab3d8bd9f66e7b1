import { describe, expect, it } from "vitest";
import { allocate, reverseAllocations } from "./allocate";

const bills = [
  { id: "old", dueMinor: 10_000 },
  { id: "mid", dueMinor: 5_000 },
  { id: "new", dueMinor: 20_000 },
];

describe("allocate", () => {
  it("settles the oldest bill first, then the next", () => {
    expect(allocate(bills, 12_000)).toEqual({
      allocations: [
        { billId: "old", amountMinor: 10_000 },
        { billId: "mid", amountMinor: 2_000 },
      ],
      creditMinor: 0,
    });
  });
  it("turns what is paid beyond the bills into a credit", () => {
    const result = allocate(bills, 40_000);
    expect(result.allocations.map((a) => a.amountMinor)).toEqual([10_000, 5_000, 20_000]);
    expect(result.creditMinor).toBe(5_000);
  });
  it("pays nothing twice: a bill already settled gets nothing, the money is a credit", () => {
    expect(allocate([{ id: "paid", dueMinor: 0 }], 10_000)).toEqual({
      allocations: [],
      creditMinor: 10_000,
    });
  });
  it("refuses fractions and negative amounts", () => {
    expect(() => allocate(bills, 10.5)).toThrow(RangeError);
    expect(() => allocate(bills, -1)).toThrow(RangeError);
  });
});

describe("reverseAllocations", () => {
  const allocations = [
    { billId: "old", amountMinor: 10_000 },
    { billId: "mid", amountMinor: 5_000 },
  ];
  it("takes back the credit first, then the newest allocation", () => {
    expect(reverseAllocations(allocations, 1_000, 4_000)).toEqual({
      creditTakenMinor: 1_000,
      reversals: [{ billId: "mid", amountMinor: -3_000 }],
    });
  });
  it("reverses everything on a full refund", () => {
    expect(reverseAllocations(allocations, 0, 15_000).reversals).toEqual([
      { billId: "mid", amountMinor: -5_000 },
      { billId: "old", amountMinor: -10_000 },
    ]);
  });
});
