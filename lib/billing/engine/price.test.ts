import { describe, expect, it } from "vitest";
import { priceConsumption } from "./price";
import { roundHalfUp } from "./money";
import { catalogVersions } from "./test-support";
import type { PricedBill, PriceInput, TariffDefinition } from "./types";

const MA_ELEC = catalogVersions("MA-ELEC-RES");
const MA_WATER = catalogVersions("MA-WATER-RES");
const MA_SAN = catalogVersions("MA-SAN-RES");

// January 2026 (30 days, 20% VAT) unless a test says otherwise.
function price(
  versions = MA_ELEC,
  consumption: string,
  periodStart = "2026-01-01",
  periodEnd = "2026-01-31",
  calibre?: string,
): PricedBill {
  const input: PriceInput = { versions, periodStart, periodEnd, consumption };
  return priceConsumption(calibre === undefined ? input : { ...input, calibre });
}

const linesOf = (bill: PricedBill, code: string) => bill.lines.filter((l) => l.code === code);
const sum = (bill: PricedBill, code: string, key: "amountMinor" | "taxMinor" | "totalMinor") =>
  linesOf(bill, code).reduce((s, l) => s + l[key], 0);

describe("priceConsumption: Moroccan electricity tranches (VAT-included prices, 2026)", () => {
  // [kWh, mode, tranche reached, energy paid VAT included in centimes: kWh × price, rounded]
  it.each<[string, "progressive" | "selective", number, number]>([
    ["100", "progressive", 1, 9010], // 100 × 0.9010 = 90.10
    ["101", "progressive", 2, 9117], // 90.10 + 1 × 1.0732 = 1.07 → 91.17
    ["150", "progressive", 2, 14376], // 90.10 + 50 × 1.0732 = 53.66 → 143.76
    ["151", "selective", 3, 16205], // 151 × 1.0732 = 162.0532
    ["200", "selective", 3, 21464], // 200 × 1.0732 = 214.64
    ["210", "selective", 3, 22537], // tolerance: 210 × 1.0732 = 225.372
    ["211", "selective", 4, 24636], // 211 × 1.1676 = 246.3636
    ["310", "selective", 4, 36196], // 310 × 1.1676 = 361.956
    ["311", "selective", 5, 42971], // 311 × 1.3817 = 429.7087
    ["510", "selective", 5, 70467], // 510 × 1.3817 = 704.667
    ["511", "selective", 6, 81545], // 511 × 1.5958 = 815.4538
  ])("bills %s kWh %s up to tranche %i", (kWh, mode, tranche, energyTotal) => {
    const bill = price(MA_ELEC, kWh);
    expect(bill.mode).toBe(mode);
    expect(bill.trancheReached).toBe(tranche);
    expect(sum(bill, "energy", "totalMinor")).toBe(energyTotal);
  });

  it("bills 150 kWh progressively: 100 in the first tranche, 50 in the second", () => {
    const energy = linesOf(price(MA_ELEC, "150"), "energy");
    expect(energy.map((l) => [l.block, l.mode, l.quantity, l.blockFrom, l.blockTo])).toEqual([
      [1, "progressive", "100", "0", "100"],
      [2, "progressive", "50", "100", "150"],
    ]);
  });

  it("bills 151 kWh wholly at the third tranche, whose limits carry the tolerance", () => {
    const [energy, ...others] = linesOf(price(MA_ELEC, "151"), "energy");
    expect(others).toEqual([]);
    expect(energy).toMatchObject({
      kind: "consumption",
      block: 3,
      mode: "selective",
      quantity: "151",
      unit: "kWh",
      blockFrom: "150",
      blockTo: "210",
      tariffVersionId: "MA-ELEC-RES@2026-01-01",
    });
  });

  it("prices a whole 151 kWh bill that can be checked by hand", () => {
    // energy, selective: 151 × 1.0732 = 162.05 paid; pre-tax 1.0732 / 1.20 =
    //   0.89433, × 151 = 135.04; VAT 162.05 − 135.04 = 27.01 (135.04 × 0.20 = 27.008)
    // meter rental: 20.74 pre-tax, VAT 4.148 → 4.15, 24.89
    // audiovisual: 100 × 0.10 + 51 × 0.15 = 10.00 + 7.65 = 17.65 paid (VAT inside)
    // total 162.05 + 24.89 + 17.65 = 204.59
    const bill = price(MA_ELEC, "151");
    const energy = linesOf(bill, "energy")[0]!;
    expect([energy.unitPrice, energy.unitPriceTaxIncluded, energy.amountMinor]).toEqual([
      "0.89433",
      "1.0732",
      13504,
    ]);
    expect([energy.taxRate, energy.taxMinor, energy.totalMinor]).toEqual(["0.20", 2701, 16205]);
    expect(linesOf(bill, "meter_rental_maintenance")[0]).toMatchObject({
      kind: "fixed",
      quantity: "1",
      unit: "month",
      unitPrice: "20.74",
      amountMinor: 2074,
      taxMinor: 415,
      totalMinor: 2489,
    });
    expect(sum(bill, "audiovisual_tax", "totalMinor")).toBe(1765);
    expect(bill.totalMinor).toBe(20459);
    expect(bill.totalBeforeTaxMinor + bill.taxMinor).toBe(bill.totalMinor);
    expect(bill).toMatchObject({ currency: "MAD", unit: "kWh", days: 30 });
  });

  it("derives the published 2025 pre-tax prices from the constant VAT-included ones", () => {
    // Published (4 decimals): 0.7636 / 0.9095 / 0.9095 / 0.9895 / 1.1709 / 1.3524.
    const inJanuary2025 = (kWh: string) => price(MA_ELEC, kWh, "2025-01-01", "2025-01-31");
    const unitPrices = [
      linesOf(inJanuary2025("100"), "energy")[0]!.unitPrice,
      linesOf(inJanuary2025("150"), "energy")[1]!.unitPrice,
      ...["151", "211", "311", "511"].map(
        (kWh) => linesOf(inJanuary2025(kWh), "energy")[0]!.unitPrice,
      ),
    ];
    expect(unitPrices.map((p) => roundHalfUp(p, 4))).toEqual([
      "0.7636",
      "0.9095",
      "0.9095",
      "0.9895",
      "1.1709",
      "1.3524",
    ]);
  });

  it("charges the same VAT-included energy in 2025 and 2026 on different pre-tax prices", () => {
    const in2025 = price(MA_ELEC, "151", "2025-01-01", "2025-01-31");
    const in2026 = price(MA_ELEC, "151", "2026-01-01", "2026-01-31");
    const energy2025 = linesOf(in2025, "energy")[0]!;
    const energy2026 = linesOf(in2026, "energy")[0]!;
    expect(energy2025.totalMinor).toBe(energy2026.totalMinor); // 162.05 both years
    expect([energy2025.unitPrice, energy2025.taxRate]).toEqual(["0.90949", "0.18"]);
    expect([energy2026.unitPrice, energy2026.taxRate]).toEqual(["0.89433", "0.20"]);
    expect(energy2025.amountMinor).toBeGreaterThan(energy2026.amountMinor);
    expect(sum(in2025, "audiovisual_tax", "totalMinor")).toBe(
      sum(in2026, "audiovisual_tax", "totalMinor"),
    );
    // Only the pre-tax meter rental's VAT moves the total: 20.74 × 18% = 3.73, × 20% = 4.15.
    expect(in2026.totalMinor - in2025.totalMinor).toBe(415 - 373);
  });
});

describe("priceConsumption: the audiovisual tax (TPPAN)", () => {
  it("exempts 50 kWh", () => {
    expect(linesOf(price(MA_ELEC, "50"), "audiovisual_tax")).toEqual([]);
  });

  it("charges 51 kWh from the first kWh: 51 × 0.10 = 5.10 paid", () => {
    const lines = linesOf(price(MA_ELEC, "51"), "audiovisual_tax");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: "statutory_tax",
      block: 1,
      quantity: "51",
      totalMinor: 510,
    });
  });

  it("prices the bands in turn: 300 kWh pays 10.00 + 15.00 + 20.00", () => {
    const lines = linesOf(price(MA_ELEC, "300"), "audiovisual_tax");
    expect(lines.map((l) => [l.block, l.quantity, l.unitPriceTaxIncluded, l.totalMinor])).toEqual([
      [1, "100", "0.10", 1000],
      [2, "100", "0.15", 1500],
      [3, "100", "0.20", 2000],
    ]);
  });

  it("reaches its 100 MAD cap exactly at 575 kWh without a cap line", () => {
    // 10.00 + 15.00 + 375 × 0.20 = 100.00
    const bill = price(MA_ELEC, "575");
    expect(sum(bill, "audiovisual_tax", "totalMinor")).toBe(10000);
    expect(linesOf(bill, "audiovisual_tax_cap")).toEqual([]);
  });

  it("caps 600 kWh at 100 MAD with a line taking back the 5.00 above it", () => {
    // 10.00 + 15.00 + 400 × 0.20 = 105.00 → −5.00 (−4.17 pre-tax, −0.83 VAT at 20%)
    const bill = price(MA_ELEC, "600");
    expect(sum(bill, "audiovisual_tax", "totalMinor")).toBe(10500);
    const [cap] = linesOf(bill, "audiovisual_tax_cap");
    expect(cap).toMatchObject({ capped: true, amountMinor: -417, taxMinor: -83, totalMinor: -500 });
    expect(
      bill.lines.filter((l) => l.kind === "statutory_tax").reduce((s, l) => s + l.totalMinor, 0),
    ).toBe(10000);
  });
});

describe("priceConsumption: periods other than 30 days", () => {
  // 1 January to 15 February 2026: 45 days, limits × 1.5.
  const start = "2026-01-01";
  const end = "2026-02-15";

  it("bills 225 kWh over 45 days progressively (threshold 150 × 1.5)", () => {
    const bill = price(MA_ELEC, "225", start, end);
    expect(bill.days).toBe(45);
    expect(bill.mode).toBe("progressive");
    expect(linesOf(bill, "energy").map((l) => [l.quantity, l.blockFrom, l.blockTo])).toEqual([
      ["150", "0", "150"],
      ["75", "150", "225"],
    ]);
    // 150 × 0.9010 = 135.15; 75 × 1.0732 = 80.49
    expect(sum(bill, "energy", "totalMinor")).toBe(13515 + 8049);
  });

  it("bills 226 kWh over 45 days at the third tranche, whose limit becomes 315", () => {
    const bill = price(MA_ELEC, "226", start, end);
    expect(bill.trancheReached).toBe(3);
    expect(linesOf(bill, "energy")[0]).toMatchObject({ blockFrom: "225", blockTo: "315" });
  });

  it("pro-rates the monthly fixed charge: 20.74 × 45 / 30 = 31.11", () => {
    expect(linesOf(price(MA_ELEC, "0", start, end), "meter_rental_maintenance")[0]).toMatchObject({
      quantity: "1.5",
      amountMinor: 3111,
    });
  });

  it("pro-rates limits of a 31-day month to the watt-hour", () => {
    // 100 × 31 / 30 = 103.333
    const energy = linesOf(price(MA_ELEC, "120", "2026-01-01", "2026-02-01"), "energy");
    expect(energy.map((l) => [l.quantity, l.blockTo])).toEqual([
      ["103.333", "103.333"],
      ["16.667", "155"],
    ]);
  });
});

describe("priceConsumption: a period across a tariff change", () => {
  // 15 December 2025 to 14 January 2026: 17 days at 18% VAT, 13 at 20%. 300 kWh split by days:
  // 170 and 130, each in tranche 4 of its pro-rated grid (310 × 17 / 30 = 175.667; × 13 / 30
  // = 134.333), as 300 kWh in 30 days would be.
  const bill = price(MA_ELEC, "300", "2025-12-15", "2026-01-14");

  it("prices each part with its own version, days and limits", () => {
    expect(bill.versionIds).toEqual(["MA-ELEC-RES@2025-01-01", "MA-ELEC-RES@2026-01-01"]);
    expect(
      linesOf(bill, "energy").map((l) => [
        l.tariffVersionId,
        l.periodStart,
        l.periodEnd,
        l.days,
        l.quantity,
        l.block,
        l.blockTo,
        l.unitPrice,
        l.taxRate,
      ]),
    ).toEqual([
      [
        "MA-ELEC-RES@2025-01-01",
        "2025-12-15",
        "2026-01-01",
        17,
        "170",
        4,
        "175.667",
        "0.98949",
        "0.18",
      ],
      [
        "MA-ELEC-RES@2026-01-01",
        "2026-01-01",
        "2026-01-14",
        13,
        "130",
        4,
        "134.333",
        "0.973",
        "0.20",
      ],
    ]);
    // 170 × 1.1676 = 198.492 → 198.49; 130 × 1.1676 = 151.788 → 151.79
    expect(linesOf(bill, "energy").map((l) => l.totalMinor)).toEqual([19849, 15179]);
    expect(bill.trancheReached).toBe(4);
    expect(bill.days).toBe(30);
  });

  it("splits the fixed charge by days: 17/30 and 13/30 of 20.74", () => {
    // 20.74 × 17 / 30 = 11.7527 → 11.75; × 13 / 30 = 8.9873 → 8.99
    expect(
      linesOf(bill, "meter_rental_maintenance").map((l) => [l.quantity, l.amountMinor]),
    ).toEqual([
      ["0.56667", 1175],
      ["0.43333", 899],
    ]);
  });

  it("apportions a consumption that does not divide evenly so the parts add up", () => {
    const odd = price(MA_ELEC, "100", "2025-12-15", "2026-01-14");
    const quantities = linesOf(odd, "energy").map((l) => Number(l.quantity));
    // 100 × 17 / 30 = 56.667 and 43.333
    expect(linesOf(odd, "energy").map((l) => l.quantity)).toEqual(["56.667", "43.333"]);
    expect(quantities.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it("starts the new version on its effective date, not the day after", () => {
    expect(price(MA_ELEC, "100", "2026-01-01", "2026-01-31").versionIds).toEqual([
      "MA-ELEC-RES@2026-01-01",
    ]);
    expect(price(MA_ELEC, "100", "2025-12-02", "2026-01-01").versionIds).toEqual([
      "MA-ELEC-RES@2025-01-01",
    ]);
  });
});

describe("priceConsumption: zero consumption", () => {
  it("bills the fixed charges only", () => {
    const bill = price(MA_ELEC, "0");
    expect(bill.lines.map((l) => l.kind)).toEqual(["fixed"]);
    expect(bill).toMatchObject({ totalMinor: 2489, trancheReached: 0, mode: "progressive" });
  });
});

describe("priceConsumption: Moroccan water and sanitation", () => {
  it("bills 12 m³ progressively: 6 × 2.99 + 6 × 7.50 + 6.00 fixed = 68.94, VAT exempt", () => {
    const bill = price(MA_WATER, "12");
    expect(bill.mode).toBe("progressive");
    expect(linesOf(bill, "water").map((l) => [l.block, l.quantity, l.amountMinor])).toEqual([
      [1, "6", 1794],
      [2, "6", 4500],
    ]);
    expect([bill.taxMinor, bill.totalMinor]).toEqual([0, 6894]);
    expect(bill.lines.every((l) => l.taxRate === "0.00")).toBe(true);
  });

  it("bills 13 m³ wholly at the third tranche: 13 × 9.80 + 6.00 = 133.40", () => {
    const bill = price(MA_WATER, "13");
    expect(bill.mode).toBe("selective");
    expect(linesOf(bill, "water")).toMatchObject([
      { block: 3, quantity: "13", amountMinor: 12740 },
    ]);
    expect(bill.totalMinor).toBe(13340);
  });

  it("added 7% VAT to water before 2024: 68.94 + 1.26 + 3.15 + 0.42 = 73.77", () => {
    const bill = price(MA_WATER, "12", "2023-01-01", "2023-01-31");
    expect(bill.lines.map((l) => l.taxMinor)).toEqual([126, 315, 42]);
    expect(bill.totalMinor).toBe(7377);
  });

  it("bills sanitation on the water volume with the same switch at 12/13 m³", () => {
    // 12: 6 × 1.20 + 6 × 2.80 + 2.00 = 26.00; 13: 13 × 3.60 + 2.00 = 48.80
    expect(price(MA_SAN, "12").totalMinor).toBe(2600);
    expect(price(MA_SAN, "13")).toMatchObject({
      mode: "selective",
      trancheReached: 3,
      totalMinor: 4880,
    });
  });
});

describe("priceConsumption: Gulf tariffs", () => {
  it("bills DEWA 2,500 kWh in slabs with the fuel surcharge on its own line and 5% VAT", () => {
    // 2,000 × 0.23 = 460.00; 500 × 0.28 = 140.00; fuel 2,500 × 0.05 = 125.00; meter 6.00
    // pre-tax 731.00; VAT 23.00 + 7.00 + 6.25 + 0.30 = 36.55; total 767.55 AED
    const bill = price(catalogVersions("DEWA-ELEC-RES"), "2500");
    expect(bill.lines.map((l) => [l.kind, l.code, l.amountMinor, l.taxMinor])).toEqual([
      ["consumption", "energy", 46000, 2300],
      ["consumption", "energy", 14000, 700],
      ["surcharge", "fuel_surcharge", 12500, 625],
      ["fixed", "meter_charge", 600, 30],
    ]);
    expect(bill).toMatchObject({
      currency: "AED",
      totalBeforeTaxMinor: 73100,
      taxMinor: 3655,
      totalMinor: 76755,
    });
  });

  it("bills DEWA water in m³ on the gallon-equivalent slabs", () => {
    // 27.277 × 7.70 = 210.0329 → 210.03; 2.723 × 8.80 = 23.9624 → 23.96;
    // fuel 30 × 0.87988 = 26.3964 → 26.40; meter 5.00 → pre-tax 265.39
    // VAT 10.50 + 1.20 + 1.32 + 0.25 = 13.27 → 278.66 AED
    const bill = price(catalogVersions("DEWA-WATER-RES"), "30");
    expect(bill.lines.map((l) => l.amountMinor)).toEqual([21003, 2396, 2640, 500]);
    expect(bill.lines.map((l) => l.taxMinor)).toEqual([1050, 120, 132, 25]);
    expect(bill.totalMinor).toBe(27866);
  });

  it("bills SEC 7,000 kWh with a 100 A breaker fee and 15% VAT", () => {
    // 6,000 × 0.18 = 1,080.00; 1,000 × 0.30 = 300.00; fee 15.00 → 1,395.00
    // VAT 162.00 + 45.00 + 2.25 = 209.25 → 1,604.25 SAR
    const bill = price(catalogVersions("SEC-ELEC-RES"), "7000", "2026-01-01", "2026-01-31", "100A");
    expect(linesOf(bill, "meter_fee")[0]).toMatchObject({ unitPrice: "15.00", amountMinor: 1500 });
    expect(bill).toMatchObject({
      totalBeforeTaxMinor: 139500,
      taxMinor: 20925,
      totalMinor: 160425,
    });
  });

  it("uses the tariff's default breaker when the contract has none", () => {
    const bill = price(catalogVersions("SEC-ELEC-RES"), "0");
    expect(linesOf(bill, "meter_fee")[0]).toMatchObject({ amountMinor: 1000 });
  });

  it("refuses a breaker size the tariff has no fee for", () => {
    expect(() =>
      price(catalogVersions("SEC-ELEC-RES"), "10", "2026-01-01", "2026-01-31", "80A"),
    ).toThrow(RangeError);
  });
});

describe("priceConsumption: rounding and refusals", () => {
  const halfCent: TariffDefinition = {
    service: "water",
    unit: "m3",
    currency: "MAD",
    rounding: "half_up",
    priceBasis: "before_tax",
    lineCode: "water",
    mode: { kind: "progressive" },
    blocks: [{ from: "0", to: null, price: "0.125" }],
    vat: { consumption: "0" },
  };
  const versions = (definition: TariffDefinition) => [
    { id: "v1", code: "T", effectiveFrom: "2020-01-01", definition },
  ];

  it("rounds a line's half centime up by default and to even when configured", () => {
    // 1 × 0.125 = 0.125 → 0.13 half-up, 0.12 half-even; 3 × 0.125 = 0.375 → 0.38 both ways
    expect(price(versions(halfCent), "1").totalMinor).toBe(13);
    expect(price(versions({ ...halfCent, rounding: "half_even" }), "1").totalMinor).toBe(12);
    expect(price(versions({ ...halfCent, rounding: "half_even" }), "3").totalMinor).toBe(38);
  });

  it("computes tax on the rounded pre-tax line amount", () => {
    // 7 × 0.125 = 0.875 → 0.88 pre-tax; VAT 20% of 0.88 = 0.176 → 0.18; total 1.06. Taxing
    // price × quantity instead (0.875 × 1.2 = 1.05) would give 1.05.
    const taxed = versions({ ...halfCent, vat: { consumption: "0.2" } });
    expect(price(taxed, "7").lines[0]).toMatchObject({
      amountMinor: 88,
      taxMinor: 18,
      totalMinor: 106,
    });
  });

  it("refuses a consumption above a grid that ends closed rather than bill it at nothing", () => {
    const closed = versions({ ...halfCent, blocks: [{ from: "0", to: "10", price: "1" }] });
    expect(price(closed, "10").totalMinor).toBe(1000);
    expect(() => price(closed, "10.001")).toThrow(RangeError);
  });

  it("prices a tax-included fixed charge at the same paid amount whatever the VAT", () => {
    // 12.00 paid per month; pre-tax 12 / 1.2 = 10.00, VAT 2.00
    const fixed = versions({
      ...halfCent,
      vat: { consumption: "0.2" },
      fixedCharges: [
        {
          code: "meter_rental",
          monthlyByCalibre: { default: "12" },
          defaultCalibre: "default",
          priceBasis: "tax_included",
        },
      ],
    });
    expect(price(fixed, "0").lines[0]).toMatchObject({
      unitPrice: "10.00",
      unitPriceTaxIncluded: "12.00",
      amountMinor: 1000,
      taxMinor: 200,
      totalMinor: 1200,
    });
  });

  it.each([
    ["an empty period", "10", "2026-01-31", "2026-01-31"],
    ["a reversed period", "10", "2026-02-01", "2026-01-01"],
    ["a negative consumption", "-1", "2026-01-01", "2026-01-31"],
    ["a consumption with a comma", "1,5", "2026-01-01", "2026-01-31"],
    ["a period before any version", "10", "2016-01-01", "2016-01-31"],
  ])("refuses %s", (_, consumption, start, end) => {
    expect(() => price(MA_ELEC, consumption, start, end)).toThrow(RangeError);
  });
});
