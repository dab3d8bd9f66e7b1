import { parseDecimal } from "./decimal";
import { daysBetween, isCalendarDate } from "./dates";
import { tariffDefinitionSchema, type TariffDefinition, type TariffVersionInput } from "./types";

/** Why the tariff editor refuses a version. */
export type TariffValidationCode =
  "BLOCKS_OVERLAP" | "BLOCKS_GAP" | "NEGATIVE_PRICE" | "BACKDATED" | "DUPLICATE_DATE" | "INVALID";

/** One refusal, at a path into the version ("definition.blocks.2.from"). */
export type TariffValidationError = { path: string; code: TariffValidationCode; message: string };

/** The editor's verdict. */
export type TariffValidationResult = { ok: true } | { ok: false; errors: TariffValidationError[] };

type Chained = { from: string; to: string | null };

// Blocks and bands chain: the first from 0, each from the previous one's end, the last open.
function checkChain(items: readonly Chained[], path: string, errors: TariffValidationError[]) {
  let expected = 0n;
  items.forEach((item, i) => {
    const at = `${path}.${i}`;
    const from = parseDecimal(item.from);
    if (from > expected) {
      errors.push({
        path: `${at}.from`,
        code: "BLOCKS_GAP",
        message: `Starts at ${item.from}, after the previous block ends`,
      });
    } else if (from < expected) {
      errors.push({
        path: `${at}.from`,
        code: "BLOCKS_OVERLAP",
        message: `Starts at ${item.from}, inside the previous block`,
      });
    }
    if (item.to === null) {
      if (i !== items.length - 1) {
        errors.push({
          path: `${at}.to`,
          code: "BLOCKS_OVERLAP",
          message: "Only the last block may be open-ended",
        });
      }
      return;
    }
    const to = parseDecimal(item.to);
    if (to <= from) {
      errors.push({
        path: `${at}.to`,
        code: "BLOCKS_OVERLAP",
        message: `Ends at ${item.to}, not after its start`,
      });
    }
    expected = to;
    if (i === items.length - 1) {
      errors.push({
        path: `${at}.to`,
        code: "BLOCKS_GAP",
        message: "The last block must be open-ended",
      });
    }
  });
}

function checkNotNegative(
  value: string | undefined,
  path: string,
  errors: TariffValidationError[],
) {
  if (value !== undefined && parseDecimal(value) < 0n) {
    errors.push({ path, code: "NEGATIVE_PRICE", message: `Must not be negative: ${value}` });
  }
}

function checkDefinition(def: TariffDefinition, errors: TariffValidationError[]) {
  const p = "definition";
  checkChain(def.blocks, `${p}.blocks`, errors);
  def.blocks.forEach((b, i) => {
    checkNotNegative(b.price, `${p}.blocks.${i}.price`, errors);
    checkNotNegative(b.selectiveTolerance, `${p}.blocks.${i}.selectiveTolerance`, errors);
  });
  if (def.mode.kind === "progressive_up_to")
    checkNotNegative(def.mode.limit, `${p}.mode.limit`, errors);
  for (const [kind, rate] of Object.entries(def.vat))
    checkNotNegative(rate, `${p}.vat.${kind}`, errors);
  def.surcharges?.forEach((s, i) => {
    checkNotNegative(s.perUnit, `${p}.surcharges.${i}.perUnit`, errors);
    checkNotNegative(s.vatRate, `${p}.surcharges.${i}.vatRate`, errors);
  });
  def.fixedCharges?.forEach((f, i) => {
    for (const [calibre, price] of Object.entries(f.monthlyByCalibre)) {
      checkNotNegative(price, `${p}.fixedCharges.${i}.monthlyByCalibre.${calibre}`, errors);
    }
    checkNotNegative(f.vatRate, `${p}.fixedCharges.${i}.vatRate`, errors);
    if (!(f.defaultCalibre in f.monthlyByCalibre)) {
      errors.push({
        path: `${p}.fixedCharges.${i}.defaultCalibre`,
        code: "INVALID",
        message: `No price for the default calibre "${f.defaultCalibre}"`,
      });
    }
  });
  def.statutoryTaxes?.forEach((t, i) => {
    const at = `${p}.statutoryTaxes.${i}`;
    checkChain(t.bands, `${at}.bands`, errors);
    t.bands.forEach((b, j) => checkNotNegative(b.rate, `${at}.bands.${j}.rate`, errors));
    checkNotNegative(t.exemptUpTo, `${at}.exemptUpTo`, errors);
    checkNotNegative(t.capPerMonth, `${at}.capPerMonth`, errors);
    checkNotNegative(t.vatRate, `${at}.vatRate`, errors);
  });
}

/**
 * Check a tariff version before an administrator saves it: the definition's shape (INVALID),
 * blocks and tax bands that chain from 0 to an open last block (BLOCKS_OVERLAP for overlapping
 * or unsorted blocks, BLOCKS_GAP for holes or a closed end), no negative price, rate, limit or
 * cap (NEGATIVE_PRICE), and a date strictly after every existing version of the same code
 * (DUPLICATE_DATE on the same day, BACKDATED before) and not before `lastBilledUntil`, the
 * exclusive end of the last issued bill's period: an earlier date would re-price issued bills.
 * `existing` may contain the candidate itself (same id) when a draft is being edited.
 */
export function validateTariffVersion(
  candidate: TariffVersionInput,
  existing: TariffVersionInput[],
  opts: { lastBilledUntil?: string },
): TariffValidationResult {
  const errors: TariffValidationError[] = [];

  if (!isCalendarDate(candidate.effectiveFrom)) {
    errors.push({ path: "effectiveFrom", code: "INVALID", message: "Not a YYYY-MM-DD date" });
  } else {
    const others = existing.filter((v) => v.id !== candidate.id && v.code === candidate.code);
    const latest = others
      .map((v) => v.effectiveFrom)
      .sort()
      .at(-1);
    if (others.some((v) => v.effectiveFrom === candidate.effectiveFrom)) {
      errors.push({
        path: "effectiveFrom",
        code: "DUPLICATE_DATE",
        message: `A version already starts on ${candidate.effectiveFrom}`,
      });
    } else if (latest !== undefined && daysBetween(latest, candidate.effectiveFrom) <= 0) {
      errors.push({
        path: "effectiveFrom",
        code: "BACKDATED",
        message: `Must be after ${latest}, the latest version's date`,
      });
    }
    if (
      opts.lastBilledUntil !== undefined &&
      daysBetween(opts.lastBilledUntil, candidate.effectiveFrom) < 0
    ) {
      errors.push({
        path: "effectiveFrom",
        code: "BACKDATED",
        message: `Bills are issued until ${opts.lastBilledUntil}; this date would re-price them`,
      });
    }
  }

  const parsed = tariffDefinitionSchema.safeParse(candidate.definition);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        path: ["definition", ...issue.path.map(String)].join("."),
        code: "INVALID",
        message: issue.message,
      });
    }
  } else {
    checkDefinition(parsed.data, errors);
  }

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
