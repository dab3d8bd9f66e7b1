import { TARIFF_CATALOG } from "./catalog";
import type { TariffVersionInput } from "./types";

/** The catalogue's versions of `code` as the engine receives them, ids "CODE@date". */
export function catalogVersions(code: string): TariffVersionInput[] {
  const tariff = TARIFF_CATALOG.find((t) => t.code === code);
  if (!tariff) throw new Error(`No catalogue tariff ${code}`);
  return tariff.versions.map((v) => ({
    id: `${code}@${v.effectiveFrom}`,
    code,
    effectiveFrom: v.effectiveFrom,
    definition: v.definition,
  }));
}
