import { describe, expect, it } from "vitest";
import { TARIFF_CATALOG } from "./catalog";
import { catalogVersions } from "./test-support";
import { tariffDefinitionSchema } from "./types";
import { validateTariffVersion } from "./validate";

describe("TARIFF_CATALOG", () => {
  it.each(TARIFF_CATALOG.map((t) => [t.code]))("holds valid, successive versions of %s", (code) => {
    const versions = catalogVersions(code);
    versions.forEach((version, i) => {
      expect(tariffDefinitionSchema.safeParse(version.definition).success).toBe(true);
      expect(validateTariffVersion(version, versions.slice(0, i), {})).toEqual({ ok: true });
      expect(version.definition.currency).toBe(
        TARIFF_CATALOG.find((t) => t.code === code)!.currency,
      );
    });
  });

  it("names every tariff in Arabic, French and English", () => {
    for (const t of TARIFF_CATALOG) {
      expect(Object.values(t.names).every((n) => n.length > 0)).toBe(true);
    }
  });

  it("raises Moroccan electricity VAT 14% → 16% → 18% → 20% on the same VAT-included prices", () => {
    const versions = catalogVersions("MA-ELEC-RES");
    expect(versions.map((v) => [v.effectiveFrom, v.definition.vat.consumption])).toEqual([
      ["2023-01-01", "0.14"],
      ["2024-01-01", "0.16"],
      ["2025-01-01", "0.18"],
      ["2026-01-01", "0.20"],
    ]);
    const prices = versions.map((v) => v.definition.blocks.map((b) => b.price).join("/"));
    expect(new Set(prices).size).toBe(1);
  });
});
