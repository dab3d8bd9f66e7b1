import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { toAsciiDigits } from "@/lib/i18n/digits";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { addDays, daysBetween, isIsoDate } from "./dates";
import { priceConsumption } from "./engine/price";
import type { PricedBill } from "./engine/types";
import { decimalAmount, formatDecimal, lineLabel, lineWhy, unitLabel } from "./present";
import { findTariffByCode, loadTariffVersions } from "./tariff-store";

/** The largest consumption a simulation prices: far above any household, below abuse. */
export const MAX_SIMULATED_CONSUMPTION = 1_000_000;
export const MAX_SIMULATED_DAYS = 120;

/**
 * A consumption as people type it: Arabic-Indic digits, a comma or a dot for decimals, spaces
 * between thousands; at most 3 decimals, between 0 and the maximum.
 */
export const consumptionField = z.preprocess(
  (value) =>
    typeof value === "number"
      ? String(value)
      : typeof value === "string"
        ? toAsciiDigits(value.slice(0, 40))
            .replace(/[\s\u00a0\u202f]/g, "")
            .replace(",", ".")
        : value,
  z
    .string()
    .regex(/^\d{1,7}(\.\d{1,3})?$/, "consumption")
    .refine((v) => Number(v) <= MAX_SIMULATED_CONSUMPTION, "consumption"),
);

export const simulationSchema = z.object({
  tariffCode: z.string().trim().min(1).max(40),
  consumption: consumptionField,
  periodStart: z.string().max(20).optional(),
  periodEnd: z.string().max(20).optional(),
});

export type SimulationInput = z.infer<typeof simulationSchema>;

export type Simulation = {
  tariffCode: string;
  periodStart: string;
  periodEnd: string;
  days: number;
  consumption: string;
  unit: string;
  priced: PricedBill;
};

/**
 * Price a consumption with a published tariff, exactly as a bill would be: the bill simulator
 * page and POST /api/v1/tariffs/simulate. Only published versions take part.
 */
export async function simulateBill(
  db: DbOrTx,
  input: SimulationInput,
  today: string,
): Promise<Simulation> {
  const tariff = await findTariffByCode(db, input.tariffCode.toUpperCase());
  const versions = tariff ? await loadTariffVersions(db, tariff.id) : [];
  if (!tariff || !versions.length)
    throw new AppError("VALIDATION_FAILED", "unknown tariff", { tariffCode: "tariff" });
  const periodStart = input.periodStart ? toAsciiDigits(input.periodStart) : today;
  const periodEnd = input.periodEnd ? toAsciiDigits(input.periodEnd) : addDays(periodStart, 30);
  if (!isIsoDate(periodStart) || !isIsoDate(periodEnd))
    throw new AppError("VALIDATION_FAILED", "bad dates", { periodStart: "invalid" });
  const days = daysBetween(periodStart, periodEnd);
  if (days < 1 || days > MAX_SIMULATED_DAYS)
    throw new AppError("VALIDATION_FAILED", "bad period", { periodEnd: "days" });
  if (periodStart < versions[0]!.effectiveFrom)
    throw new AppError("VALIDATION_FAILED", "before the tariff", { periodStart: "invalid" });
  let priced: PricedBill;
  try {
    priced = priceConsumption({ versions, periodStart, periodEnd, consumption: input.consumption });
  } catch (error) {
    // The engine refuses what its grid cannot price (above a closed last block): bad input.
    if (error instanceof RangeError)
      throw new AppError("VALIDATION_FAILED", error.message, { consumption: "consumption" });
    throw error;
  }
  return {
    tariffCode: tariff.code,
    periodStart,
    periodEnd,
    days,
    consumption: input.consumption,
    unit: priced.unit,
    priced,
  };
}

/** The simulation as the API answers it, labels in the caller's language. */
export function presentSimulation(simulation: Simulation, locale: Locale) {
  const t = translator(locale);
  const { priced } = simulation;
  const money = (minor: number) => decimalAmount(minor, priced.currency);
  return {
    tariffCode: simulation.tariffCode,
    periodStart: simulation.periodStart,
    periodEnd: simulation.periodEnd,
    days: simulation.days,
    consumption: simulation.consumption,
    unit: priced.unit,
    mode: priced.mode,
    trancheReached: priced.trancheReached,
    lines: priced.lines.map((l) => ({
      label: lineLabel(t, l),
      code: l.code,
      explanation: lineWhy(
        t,
        {
          ...l,
          mode: l.mode ?? null,
          block: l.block ?? null,
          blockFrom: l.blockFrom ?? null,
          blockTo: l.blockTo ?? null,
        },
        locale,
      ),
      quantity: `${formatDecimal(l.quantity, "en")} ${unitLabel(t, l.unit)}`.trim(),
      unitPrice: l.unitPrice,
      amount: money(l.amountMinor),
      taxRate: l.taxRate,
      tax: money(l.taxMinor),
      total: money(l.totalMinor),
    })),
    totalBeforeTax: money(priced.totalBeforeTaxMinor),
    tax: money(priced.taxMinor),
    total: money(priced.totalMinor),
    currency: priced.currency,
  };
}
