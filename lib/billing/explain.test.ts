import { describe, expect, it } from "vitest";
import { explainChanges, type BillFacts } from "./explain";

const previous: BillFacts = {
  days: 30,
  consumption: 140,
  totalMinor: 15000,
  estimated: false,
  tranches: { "MA-ELEC": { tranche: 2, mode: "progressive" } },
  versionIds: ["v2025"],
  taxRates: ["0.18", "0"],
  regularised: false,
};

describe("explainChanges", () => {
  it("says nothing when nothing that matters moved", () => {
    expect(explainChanges({ ...previous, consumption: 145 }, previous)).toEqual([]);
  });

  it("names more days, a higher tranche and a bigger consumption together", () => {
    const current = {
      ...previous,
      days: 35,
      consumption: 180,
      tranches: { "MA-ELEC": { tranche: 3, mode: "selective" } },
    };
    expect(explainChanges(current, previous)).toEqual([
      { code: "days", days: 35, previousDays: 30 },
      { code: "consumption", percent: 29, direction: "up" },
      { code: "tranche", tariff: "MA-ELEC", tranche: 3, previousTranche: 2, mode: "selective" },
    ]);
  });

  it("tells an actual reading after an estimate, with its regularisation", () => {
    const changes = explainChanges(
      { ...previous, regularised: true },
      { ...previous, estimated: true },
    );
    expect(changes.map((c) => c.code)).toEqual(["regularisation", "now_actual"]);
  });

  it("tells a new tariff version and a VAT change", () => {
    const changes = explainChanges(
      { ...previous, versionIds: ["v2026"], taxRates: ["0.20"] },
      previous,
    );
    expect(changes).toEqual([
      { code: "tariff_changed" },
      { code: "tax_changed", rate: "0.20", previousRate: "0.18" },
    ]);
  });

  it("has only the regularisation to say on a first bill", () => {
    expect(explainChanges({ ...previous, regularised: false }, null)).toEqual([]);
  });
});
