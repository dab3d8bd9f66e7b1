import { describe, expect, it } from "vitest";
import { catalogVersions } from "./test-support";
import type { TariffDefinition, TariffVersionInput } from "./types";
import { validateTariffVersion, type TariffValidationCode } from "./validate";

const EXISTING = catalogVersions("MA-ELEC-RES"); // 2023, 2024, 2025, 2026-01-01
const BASE = EXISTING.at(-1)!.definition;

function candidate(
  definition: Partial<TariffDefinition> | Record<string, unknown>,
  effectiveFrom = "2027-01-01",
): TariffVersionInput {
  return {
    id: "draft",
    code: "MA-ELEC-RES",
    effectiveFrom,
    definition: { ...BASE, ...definition } as TariffDefinition,
  };
}

function codes(version: TariffVersionInput, lastBilledUntil?: string) {
  const result = validateTariffVersion(
    version,
    EXISTING,
    lastBilledUntil === undefined ? {} : { lastBilledUntil },
  );
  return result.ok ? [] : result.errors.map((e) => [e.code, e.path]);
}

describe("validateTariffVersion", () => {
  it("accepts a next year's version of a valid grid", () => {
    expect(
      validateTariffVersion(candidate({}), EXISTING, { lastBilledUntil: "2026-11-01" }),
    ).toEqual({
      ok: true,
    });
  });

  it("accepts editing a draft that is already in the list", () => {
    const draft = candidate({});
    expect(validateTariffVersion(draft, [...EXISTING, draft], {})).toEqual({ ok: true });
  });

  it.each<[string, TariffVersionInput, [TariffValidationCode, string][]]>([
    [
      "refuses overlapping blocks",
      candidate({
        blocks: [
          { from: "0", to: "100", price: "1" },
          { from: "90", to: null, price: "2" },
        ],
      }),
      [["BLOCKS_OVERLAP", "definition.blocks.1.from"]],
    ],
    [
      "refuses unsorted blocks",
      candidate({
        blocks: [
          { from: "0", to: "100", price: "1" },
          { from: "150", to: "200", price: "2" },
          { from: "100", to: null, price: "3" },
        ],
      }),
      [
        ["BLOCKS_GAP", "definition.blocks.1.from"],
        ["BLOCKS_OVERLAP", "definition.blocks.2.from"],
      ],
    ],
    [
      "refuses a gap between blocks",
      candidate({
        blocks: [
          { from: "0", to: "100", price: "1" },
          { from: "101", to: null, price: "2" },
        ],
      }),
      [["BLOCKS_GAP", "definition.blocks.1.from"]],
    ],
    [
      "refuses a grid that does not start at 0",
      candidate({ blocks: [{ from: "10", to: null, price: "1" }] }),
      [["BLOCKS_GAP", "definition.blocks.0.from"]],
    ],
    [
      "refuses a closed last block",
      candidate({ blocks: [{ from: "0", to: "100", price: "1" }] }),
      [["BLOCKS_GAP", "definition.blocks.0.to"]],
    ],
    [
      "refuses a block ending before it starts",
      candidate({
        blocks: [
          { from: "0", to: "0", price: "1" },
          { from: "0", to: null, price: "1" },
        ],
      }),
      [["BLOCKS_OVERLAP", "definition.blocks.0.to"]],
    ],
    [
      "refuses a negative price",
      candidate({ blocks: [{ from: "0", to: null, price: "-0.5" }] }),
      [["NEGATIVE_PRICE", "definition.blocks.0.price"]],
    ],
    [
      "refuses a negative VAT rate",
      candidate({ vat: { consumption: "-0.2" } }),
      [["NEGATIVE_PRICE", "definition.vat.consumption"]],
    ],
    [
      "refuses overlapping tax bands",
      candidate({
        statutoryTaxes: [
          {
            code: "audiovisual_tax",
            bands: [
              { from: "0", to: "100", rate: "0.1" },
              { from: "50", to: null, rate: "0.2" },
            ],
          },
        ],
      }),
      [["BLOCKS_OVERLAP", "definition.statutoryTaxes.0.bands.1.from"]],
    ],
    [
      "refuses a version on the date of an existing one",
      candidate({}, "2026-01-01"),
      [["DUPLICATE_DATE", "effectiveFrom"]],
    ],
    [
      "refuses a version dated before the one in force",
      candidate({}, "2025-06-01"),
      [["BACKDATED", "effectiveFrom"]],
    ],
    [
      "refuses a price with a comma and a missing field",
      candidate({ blocks: [{ from: "0", to: null, price: "1,5" }], unit: undefined }),
      [
        ["INVALID", "definition.unit"],
        ["INVALID", "definition.blocks.0.price"],
      ],
    ],
    [
      "refuses a default calibre with no price",
      candidate({
        fixedCharges: [
          { code: "meter_fee", monthlyByCalibre: { "60A": "10" }, defaultCalibre: "100A" },
        ],
      }),
      [["INVALID", "definition.fixedCharges.0.defaultCalibre"]],
    ],
    [
      "refuses a date that is not a calendar date",
      candidate({}, "2027-02-30"),
      [["INVALID", "effectiveFrom"]],
    ],
  ])("%s", (_, version, expected) => {
    expect(codes(version)).toEqual(expected);
  });

  it("refuses a date that would re-price bills already issued", () => {
    expect(codes(candidate({}, "2027-01-01"), "2027-02-01")).toEqual([
      ["BACKDATED", "effectiveFrom"],
    ]);
    expect(codes(candidate({}, "2027-02-01"), "2027-02-01")).toEqual([]);
  });

  it("ignores versions of other tariff codes", () => {
    const other = { ...candidate({}, "2026-01-01"), code: "MA-ELEC-RES-CASA" };
    expect(codes(other)).toEqual([]);
  });
});
