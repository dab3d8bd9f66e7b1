import { z } from "zod";

/**
 * The tariff engine's data: what one tariff version contains (stored as jsonb and edited by
 * administrators) and what pricing returns. Every number is a decimal string or an integer
 * count of minor units, never a float.
 */

/** The utility services a tariff can price. */
export type Service = "electricity" | "water" | "sanitation";

/** Units consumption is measured and priced in. */
export type ConsumptionUnit = "kWh" | "m3";

/** How a block of consumption is priced. */
export type PricingMode = "progressive" | "selective";

// Prices and rates carry up to 5 decimals (the utility's own bills show 5); quantities and
// limits up to 3 (watt-hours, litres). A leading minus parses so that the validator can say
// NEGATIVE_PRICE instead of a bare format error.
const price = z.string().regex(/^-?\d+(\.\d{1,5})?$/, "a decimal with at most 5 decimals");
const quantity = z.string().regex(/^-?\d+(\.\d{1,3})?$/, "a decimal with at most 3 decimals");
const rate = z.string().regex(/^-?\d+(\.\d{1,5})?$/, "a rate such as 0.2 for 20%");
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "a snake_case code");
const priceBasis = z.enum(["before_tax", "tax_included"]);

/**
 * A block (tranche) for a 30-day month: consumption above `from` up to and including `to`
 * (null: no upper limit). Blocks chain: each starts where the previous ends, the first at 0.
 * `selectiveTolerance` widens the upper limit when the block is used selectively (Morocco:
 * nominal 200 billed as 210).
 */
const blockSchema = z.object({
  from: quantity,
  to: quantity.nullable(),
  price,
  selectiveTolerance: quantity.optional(),
});

/** A band of a statutory per-unit tax, chained like blocks, priced progressively. */
const bandSchema = z.object({ from: quantity, to: quantity.nullable(), rate: price });

const modeRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("progressive") }),
  z.object({ kind: z.literal("selective") }),
  /** Progressive while consumption ≤ limit (pro-rated), selective above: Morocco's rule. */
  z.object({ kind: z.literal("progressive_up_to"), limit: quantity }),
]);

/** VAT rates of this version by line type; missing types take the consumption rate. */
const vatSchema = z.object({
  consumption: rate,
  surcharge: rate.optional(),
  fixed: rate.optional(),
  statutory_tax: rate.optional(),
});

/** A per-unit surcharge on the whole consumption, on its own line (DEWA's fuel surcharge). */
const surchargeSchema = z.object({ code, perUnit: price, vatRate: rate.optional() });

/**
 * A fixed charge per 30-day month, pro-rated by days, priced by meter calibre or breaker size.
 * `defaultCalibre` must be a key of `monthlyByCalibre`; it is used when the contract has none.
 */
const fixedChargeSchema = z.object({
  code,
  monthlyByCalibre: z.record(z.string().min(1), price),
  defaultCalibre: z.string().min(1),
  priceBasis: priceBasis.optional(),
  vatRate: rate.optional(),
});

/**
 * A statutory per-unit tax with its own bands (Morocco's audiovisual tax): nothing when
 * consumption ≤ `exemptUpTo`, bands priced in turn, at most `capPerMonth` per 30 days. With
 * `priceBasis: "tax_included"` the rates and the cap are what the customer pays, VAT included.
 */
const statutoryTaxSchema = z.object({
  code,
  bands: z.array(bandSchema).min(1),
  exemptUpTo: quantity.optional(),
  capPerMonth: price.optional(),
  priceBasis: priceBasis.optional(),
  vatRate: rate.optional(),
});

const definitionSchema = z.object({
  service: z.enum(["electricity", "water", "sanitation"]),
  unit: z.enum(["kWh", "m3"]),
  /** ISO 4217 code: MAD, AED, SAR. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Rounding of each line to minor units; half_up unless the regulator says otherwise. */
  rounding: z.enum(["half_up", "half_even"]),
  /**
   * before_tax: block prices and surcharges are pre-tax and VAT is added on each line's amount.
   * tax_included: they are what the customer pays and stay constant when VAT changes; the
   * pre-tax unit price is derived with 5 decimals.
   */
  priceBasis,
  /** Code of the consumption lines, for translation: "energy", "water", "sanitation". */
  lineCode: code,
  mode: modeRuleSchema,
  blocks: z.array(blockSchema).min(1),
  vat: vatSchema,
  surcharges: z.array(surchargeSchema).optional(),
  fixedCharges: z.array(fixedChargeSchema).optional(),
  statutoryTaxes: z.array(statutoryTaxSchema).optional(),
  /** Where the figures come from, for the administrator; not used in pricing. */
  source: z.string().optional(),
});

/** One tariff version's content, JSON-serialisable (stored as jsonb). */
export type TariffDefinition = z.infer<typeof definitionSchema>;
export type TariffBlock = z.infer<typeof blockSchema>;
export type TaxBand = z.infer<typeof bandSchema>;
export type ModeRule = z.infer<typeof modeRuleSchema>;
export type FixedCharge = z.infer<typeof fixedChargeSchema>;
export type Surcharge = z.infer<typeof surchargeSchema>;
export type StatutoryTax = z.infer<typeof statutoryTaxSchema>;
export type PriceBasis = z.infer<typeof priceBasis>;

/** Validates a definition's shape; validateTariffVersion checks the rules between fields. */
export const tariffDefinitionSchema: z.ZodType<TariffDefinition> = definitionSchema;

/** One version of one tariff code, in force from `effectiveFrom` until the next version's. */
export type TariffVersionInput = {
  id: string;
  code: string;
  /** YYYY-MM-DD, the first day the version prices. */
  effectiveFrom: string;
  definition: TariffDefinition;
};

/** What to price: one consumption over one period under one tariff code. */
export type PriceInput = {
  /** All versions of one tariff code, any order. */
  versions: TariffVersionInput[];
  /** YYYY-MM-DD, inclusive: the first day of the period. */
  periodStart: string;
  /** YYYY-MM-DD, exclusive: the day after the last (the next period's start). days = end − start. */
  periodEnd: string;
  /** Decimal string in the tariff's unit, ≥ 0, at most 3 decimals. */
  consumption: string;
  /** Meter calibre or breaker size for fixed charges; each charge's default when absent. */
  calibre?: string;
};

/** Kinds of priced line. */
export type LineKind = "consumption" | "surcharge" | "fixed" | "statutory_tax";

/** One line of a bill and how it came about. */
export type PricedLine = {
  kind: LineKind;
  /** Stable code for translation: "energy", "water", "fuel_surcharge", "meter_rental", … */
  code: string;
  /** 1-based block (tranche or tax band) index. */
  block?: number;
  mode?: PricingMode;
  /** Decimal string: units for consumption, months (days ÷ 30) for fixed charges. */
  quantity: string;
  unit: "kWh" | "m3" | "month" | "day";
  /** Pre-tax, at most 5 decimals. */
  unitPrice: string;
  /** Tax-included unit price the pre-tax one was derived from (tax_included tariffs only). */
  unitPriceTaxIncluded?: string;
  /** Pre-tax amount, rounded once. */
  amountMinor: number;
  /** "0.2" for 20%, "0" when exempt. */
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  tariffVersionId: string;
  /** The part of the period this line prices (a period across a tariff change has two parts). */
  periodStart: string;
  periodEnd: string;
  days: number;
  /** Pro-rated limits of the block, for "why this amount". */
  blockFrom?: string;
  blockTo?: string | null;
  /** Set on the line that brings a capped tax back down to its cap. */
  capped?: boolean;
};

/** A priced consumption: its lines and totals. */
export type PricedBill = {
  currency: string;
  unit: ConsumptionUnit;
  lines: PricedLine[];
  totalBeforeTaxMinor: number;
  taxMinor: number;
  totalMinor: number;
  days: number;
  /** Mode of the last part of the period (both parts agree unless the rule itself changed). */
  mode: PricingMode;
  /** Highest block reached in any part; 0 when nothing was consumed. */
  trancheReached: number;
  versionIds: string[];
};
