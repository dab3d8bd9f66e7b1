import { daysBetween } from "./engine/dates";
import { priceConsumption } from "./engine/price";
import type { TariffDefinition, TariffVersionInput } from "./engine/types";

/**
 * The tariff editor's pure parts: turning the submitted form into a definition, and the
 * preview of a version next to the one in force.
 */

/** How many empty block rows the editor offers after the existing ones. */
export const EXTRA_BLOCK_ROWS = 1;

type Fields = Record<string, unknown>;

function text(fields: Fields, name: string): string | undefined {
  const v = fields[name];
  return typeof v === "string" ? v.trim() : undefined;
}

/**
 * The definition an administrator submitted: the advanced JSON as the base, overridden by the
 * structured fields the editor shows. Returns null when the JSON does not parse; the shape and
 * the rules are checked afterwards by validateTariffVersion, which names each bad field.
 */
export function definitionFromForm(fields: Fields): TariffDefinition | null {
  let base: unknown;
  try {
    base = JSON.parse(String(fields.definitionJson ?? ""));
  } catch {
    return null;
  }
  if (!base || typeof base !== "object" || Array.isArray(base)) return null;
  const def = structuredClone(base) as TariffDefinition;

  const modeKind = text(fields, "mode.kind");
  if (modeKind === "progressive" || modeKind === "selective") def.mode = { kind: modeKind };
  else if (modeKind === "progressive_up_to")
    def.mode = { kind: modeKind, limit: text(fields, "mode.limit") ?? "" };

  const rows: TariffDefinition["blocks"] = [];
  let sawBlocks = false;
  for (let i = 0; i < 100; i++) {
    const from = text(fields, `blocks.${i}.from`);
    const to = text(fields, `blocks.${i}.to`);
    const price = text(fields, `blocks.${i}.price`);
    const tolerance = text(fields, `blocks.${i}.selectiveTolerance`);
    if (from === undefined && to === undefined && price === undefined) {
      if (i > 0 && !sawBlocks) break;
      continue;
    }
    sawBlocks = true;
    // An empty row is the editor's spare one, not a block.
    if (!from && !to && !price && !tolerance) continue;
    rows.push({
      from: from ?? "",
      to: to ? to : null,
      price: price ?? "",
      ...(tolerance ? { selectiveTolerance: tolerance } : {}),
    });
  }
  if (sawBlocks) def.blocks = rows;

  if (def.vat && typeof def.vat === "object") {
    for (const kind of ["consumption", "surcharge", "fixed", "statutory_tax"] as const) {
      const v = text(fields, `vat.${kind}`);
      if (v === undefined) continue;
      if (v) def.vat[kind] = v;
      else if (kind !== "consumption") delete def.vat[kind];
      else def.vat.consumption = "";
    }
  }
  def.surcharges?.forEach((s, i) => {
    const v = text(fields, `surcharges.${i}.perUnit`);
    if (v !== undefined) s.perUnit = v;
  });
  def.fixedCharges?.forEach((f, i) => {
    for (const calibre of Object.keys(f.monthlyByCalibre ?? {})) {
      const v = text(fields, `fixedCharges.${i}.monthlyByCalibre.${calibre}`);
      if (v !== undefined) f.monthlyByCalibre[calibre] = v;
    }
  });
  def.statutoryTaxes?.forEach((t, i) => {
    t.bands?.forEach((b, j) => {
      const v = text(fields, `statutoryTaxes.${i}.bands.${j}.rate`);
      if (v !== undefined) b.rate = v;
    });
    for (const key of ["exemptUpTo", "capPerMonth"] as const) {
      const v = text(fields, `statutoryTaxes.${i}.${key}`);
      if (v === undefined) continue;
      if (v) t[key] = v;
      else delete t[key];
    }
  });
  return def;
}

/** Sample monthly consumptions around the Moroccan tranche limits, per unit. */
export const PREVIEW_SAMPLES: Record<"kWh" | "m3", string[]> = {
  kWh: ["50", "100", "150", "151", "210", "300", "600"],
  m3: ["6", "12", "13", "20", "40"],
};

export type PreviewRow = {
  consumption: string;
  oldTotalMinor: number | null;
  newTotalMinor: number;
  differenceMinor: number | null;
  newTrancheReached: number;
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A 30-day month from the candidate's date, priced under the candidate alone and under the
 * version in force alone, for each sample: what a customer would pay before and after.
 */
export function previewTariffVersion(params: {
  candidate: TariffVersionInput;
  inForce?: TariffVersionInput;
  samples?: string[];
}): PreviewRow[] {
  const start = params.candidate.effectiveFrom;
  const end = addDays(start, 30);
  const samples = params.samples ?? PREVIEW_SAMPLES[params.candidate.definition.unit];
  const inForce =
    params.inForce && daysBetween(params.inForce.effectiveFrom, start) >= 0
      ? params.inForce
      : undefined;
  return samples.map((consumption) => {
    const next = priceConsumption({
      versions: [params.candidate],
      periodStart: start,
      periodEnd: end,
      consumption,
    });
    const old = inForce
      ? priceConsumption({ versions: [inForce], periodStart: start, periodEnd: end, consumption })
      : null;
    return {
      consumption,
      oldTotalMinor: old?.totalMinor ?? null,
      newTotalMinor: next.totalMinor,
      differenceMinor: old ? next.totalMinor - old.totalMinor : null,
      newTrancheReached: next.trancheReached,
    };
  });
}
