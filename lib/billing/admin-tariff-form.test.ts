import { describe, expect, it } from "vitest";
import { definitionFromForm, previewTariffVersion } from "./admin-tariff-form";
import { TARIFF_CATALOG } from "./engine/catalog";
import type { TariffVersionInput } from "./engine/types";

const elec = TARIFF_CATALOG.find((t) => t.code === "MA-ELEC-RES")!;
const current = elec.versions.at(-1)!;
const inForce: TariffVersionInput = {
  id: "v-2026",
  code: elec.code,
  effectiveFrom: current.effectiveFrom,
  definition: current.definition,
};

describe("definitionFromForm", () => {
  it("overrides the JSON base with the structured fields and drops the spare empty row", () => {
    const def = definitionFromForm({
      definitionJson: JSON.stringify(current.definition),
      "blocks.0.from": "0",
      "blocks.0.to": "100",
      "blocks.0.price": "0.95",
      "blocks.1.from": "100",
      "blocks.1.to": "",
      "blocks.1.price": "1.2",
      "blocks.2.from": "",
      "blocks.2.to": "",
      "blocks.2.price": "",
      "vat.consumption": "0.2",
      "mode.kind": "selective",
      "fixedCharges.0.monthlyByCalibre.default": "21.00",
    })!;
    expect(def.blocks).toEqual([
      { from: "0", to: "100", price: "0.95" },
      { from: "100", to: null, price: "1.2" },
    ]);
    expect(def.mode).toEqual({ kind: "selective" });
    expect(def.fixedCharges![0]!.monthlyByCalibre.default).toBe("21.00");
    expect(def.statutoryTaxes).toEqual(current.definition.statutoryTaxes);
  });

  it("gives null for JSON that does not parse", () => {
    expect(definitionFromForm({ definitionJson: "{oops" })).toBeNull();
    expect(definitionFromForm({ definitionJson: "[]" })).toBeNull();
  });
});

describe("previewTariffVersion", () => {
  it("shows no difference for an identical version and the growth for dearer blocks", () => {
    const same = previewTariffVersion({
      candidate: { ...inForce, id: "draft", effectiveFrom: "2027-01-01" },
      inForce,
    });
    expect(same.map((r) => r.consumption)).toEqual([
      "50",
      "100",
      "150",
      "151",
      "210",
      "300",
      "600",
    ]);
    for (const row of same) expect(row.differenceMinor).toBe(0);

    const dearer = previewTariffVersion({
      candidate: {
        ...inForce,
        id: "draft",
        effectiveFrom: "2027-01-01",
        definition: {
          ...inForce.definition,
          blocks: inForce.definition.blocks.map((b, i) =>
            i === 0 ? { ...b, price: "1.0010" } : b,
          ),
        },
      },
      inForce,
      samples: ["50", "151"],
    });
    // 50 kWh × 0.1000 more, tax included: +5.00 MAD; 151 kWh is selective, past block 1.
    expect(dearer[0]!.differenceMinor).toBe(500);
    expect(dearer[1]!.differenceMinor).toBe(0);
  });
});
