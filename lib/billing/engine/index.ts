/** The tariff engine: pure pricing rules, no I/O. */
export * from "./types";
export { priceConsumption, splitByVersion } from "./price";
export { validateTariffVersion } from "./validate";
export type {
  TariffValidationCode,
  TariffValidationError,
  TariffValidationResult,
} from "./validate";
export { regulariseConsumption } from "./regularise";
export type {
  EstimatedPeriod,
  RegulariseInput,
  RegularisedPeriod,
  Regularisation,
} from "./regularise";
export { estimateConsumption } from "./estimate";
export type { ConsumptionPeriod, Estimate, EstimateInput } from "./estimate";
export {
  formatMinor,
  parseMinor,
  minorDigits,
  roundHalfEven,
  roundHalfUp,
  toMinor,
  fromMinor,
} from "./money";
export { TARIFF_CATALOG } from "./catalog";
export type { CatalogTariff } from "./catalog";
