import type { Service, TariffDefinition } from "./types";

/**
 * The published grids of /work/shared/TARIFFS.md as seed data. Figures the sources did not
 * publish (marked "assumed" there) are data here like the rest, so an administrator corrects
 * them by publishing a new version, never by changing code.
 */

/** One tariff code with its versions, ready to seed. */
export type CatalogTariff = {
  code: string;
  service: Service;
  category: "residential" | string;
  territory: string;
  currency: string;
  names: { ar: string; fr: string; en: string };
  versions: { effectiveFrom: string; definition: TariffDefinition }[];
};

// Morocco, national grid: tax-included prices held constant while VAT rose.
const MA_ELECTRICITY_BLOCKS: TariffDefinition["blocks"] = [
  { from: "0", to: "100", price: "0.9010" },
  { from: "100", to: "150", price: "1.0732" },
  { from: "150", to: "200", price: "1.0732", selectiveTolerance: "10" },
  { from: "200", to: "300", price: "1.1676", selectiveTolerance: "10" },
  { from: "300", to: "500", price: "1.3817", selectiveTolerance: "10" },
  { from: "500", to: null, price: "1.5958" },
];

function maElectricity(vat: string): TariffDefinition {
  return {
    service: "electricity",
    unit: "kWh",
    currency: "MAD",
    rounding: "half_up",
    priceBasis: "tax_included",
    lineCode: "energy",
    mode: { kind: "progressive_up_to", limit: "150" },
    blocks: MA_ELECTRICITY_BLOCKS,
    vat: { consumption: vat },
    fixedCharges: [
      {
        code: "meter_rental_maintenance",
        // Assumed (TARIFFS.md): varies by utility; pre-tax, at the electricity VAT rate.
        monthlyByCalibre: { default: "20.74" },
        defaultCalibre: "default",
        priceBasis: "before_tax",
      },
    ],
    statutoryTaxes: [
      {
        code: "audiovisual_tax",
        bands: [
          { from: "0", to: "100", rate: "0.10" },
          { from: "100", to: "200", rate: "0.15" },
          { from: "200", to: null, rate: "0.20" },
        ],
        exemptUpTo: "50",
        capPerMonth: "100",
        priceBasis: "tax_included",
      },
    ],
    source: "National regulated grid, VAT-included prices; TARIFFS.md",
  };
}

// Morocco, Casablanca-area grid: same structure, pre-tax prices of 2017 at 14% VAT.
const MA_ELECTRICITY_CASA_2017: TariffDefinition = {
  ...maElectricity("0.14"),
  priceBasis: "before_tax",
  blocks: [
    { from: "0", to: "100", price: "0.84" },
    { from: "100", to: "150", price: "1.02" },
    { from: "150", to: "200", price: "1.02", selectiveTolerance: "10" },
    { from: "200", to: "300", price: "1.11", selectiveTolerance: "10" },
    { from: "300", to: "500", price: "1.31", selectiveTolerance: "10" },
    { from: "500", to: null, price: "1.51" },
  ],
  source: "Casablanca-area grid, pre-tax prices 2017; TARIFFS.md",
};

function maWater(vat: string): TariffDefinition {
  return {
    service: "water",
    unit: "m3",
    currency: "MAD",
    rounding: "half_up",
    priceBasis: "before_tax",
    lineCode: "water",
    mode: { kind: "progressive_up_to", limit: "12" },
    blocks: [
      { from: "0", to: "6", price: "2.99" },
      { from: "6", to: "12", price: "7.50" }, // assumed
      { from: "12", to: "20", price: "9.80" }, // assumed
      { from: "20", to: "35", price: "11.24" },
      { from: "35", to: null, price: "16.48" },
    ],
    // Domestic water and the water-meter rental: 7% until 2023, exempt since 2024.
    vat: { consumption: vat },
    fixedCharges: [
      {
        code: "water_fixed_fee",
        monthlyByCalibre: { default: "6.00" }, // assumed
        defaultCalibre: "default",
      },
    ],
    source: "Moroccan residential drinking water; tranches 2-3 and fixed fee assumed (TARIFFS.md)",
  };
}

function maSanitation(vat: string): TariffDefinition {
  return {
    service: "sanitation",
    unit: "m3",
    currency: "MAD",
    rounding: "half_up",
    priceBasis: "before_tax",
    lineCode: "sanitation",
    mode: { kind: "progressive_up_to", limit: "12" },
    // Billed on the water volume; all prices assumed (TARIFFS.md).
    blocks: [
      { from: "0", to: "6", price: "1.20" },
      { from: "6", to: "12", price: "2.80" },
      { from: "12", to: "20", price: "3.60" },
      { from: "20", to: "35", price: "4.20" },
      { from: "35", to: null, price: "5.00" },
    ],
    vat: { consumption: vat },
    fixedCharges: [
      {
        code: "sanitation_fixed_fee",
        monthlyByCalibre: { default: "2.00" }, // assumed
        defaultCalibre: "default",
      },
    ],
    source: "Moroccan residential liquid sanitation on water volume; prices assumed (TARIFFS.md)",
  };
}

const DEWA_ELECTRICITY: TariffDefinition = {
  service: "electricity",
  unit: "kWh",
  currency: "AED",
  rounding: "half_up",
  priceBasis: "before_tax",
  lineCode: "energy",
  mode: { kind: "progressive" },
  blocks: [
    { from: "0", to: "2000", price: "0.23" },
    { from: "2000", to: "4000", price: "0.28" },
    { from: "4000", to: "6000", price: "0.32" },
    { from: "6000", to: null, price: "0.38" },
  ],
  vat: { consumption: "0.05" },
  surcharges: [{ code: "fuel_surcharge", perUnit: "0.05" }],
  fixedCharges: [
    {
      code: "meter_charge",
      // Varies with meter size; only the standard figure is published here.
      monthlyByCalibre: { standard: "6.00" },
      defaultCalibre: "standard",
    },
  ],
  source: "DEWA residential slabs, fuel surcharge 5 fils/kWh since Dec 2020; TARIFFS.md",
};

// DEWA water in m³ since 2025: slabs of 6,000 and 12,000 imperial gallons are 27.277 and
// 54.553 m³ (1 IG = 0.00454609 m³, to the litre); 0.4 fils/IG of fuel surcharge is
// 0.004 / 0.00454609 = 0.87988 AED/m³.
const DEWA_WATER: TariffDefinition = {
  service: "water",
  unit: "m3",
  currency: "AED",
  rounding: "half_up",
  priceBasis: "before_tax",
  lineCode: "water",
  mode: { kind: "progressive" },
  blocks: [
    { from: "0", to: "27.277", price: "7.70" },
    { from: "27.277", to: "54.553", price: "8.80" },
    { from: "54.553", to: null, price: "10.12" },
  ],
  vat: { consumption: "0.05" },
  surcharges: [{ code: "fuel_surcharge", perUnit: "0.87988" }],
  fixedCharges: [
    { code: "meter_charge", monthlyByCalibre: { standard: "5.00" }, defaultCalibre: "standard" },
  ],
  source: "DEWA residential water in m³ (2025), converted from per-IG slabs; TARIFFS.md",
};

const SEC_ELECTRICITY: TariffDefinition = {
  service: "electricity",
  unit: "kWh",
  currency: "SAR",
  rounding: "half_up",
  priceBasis: "before_tax",
  lineCode: "energy",
  mode: { kind: "progressive" },
  blocks: [
    { from: "0", to: "6000", price: "0.18" },
    { from: "6000", to: null, price: "0.30" },
  ],
  vat: { consumption: "0.15" },
  fixedCharges: [
    {
      code: "meter_fee",
      monthlyByCalibre: {
        "60A": "10",
        "100A": "15",
        "200A": "21",
        "300A": "22",
        "400A": "25",
        ">400A": "30",
      },
      // The smallest breaker when the contract records none: an assumption, kept as data.
      defaultCalibre: "60A",
    },
  ],
  source: "SEC residential; TARIFFS.md",
};

/** The seed catalogue. */
export const TARIFF_CATALOG: CatalogTariff[] = [
  {
    code: "MA-ELEC-RES",
    service: "electricity",
    category: "residential",
    territory: "MA-national",
    currency: "MAD",
    names: {
      ar: "الكهرباء - الاستعمال المنزلي",
      fr: "Électricité - usage domestique",
      en: "Electricity - residential",
    },
    versions: [
      { effectiveFrom: "2023-01-01", definition: maElectricity("0.14") },
      { effectiveFrom: "2024-01-01", definition: maElectricity("0.16") },
      { effectiveFrom: "2025-01-01", definition: maElectricity("0.18") },
      { effectiveFrom: "2026-01-01", definition: maElectricity("0.20") },
    ],
  },
  {
    code: "MA-ELEC-RES-CASA",
    service: "electricity",
    category: "residential",
    territory: "MA-casablanca",
    currency: "MAD",
    names: {
      ar: "الكهرباء - الاستعمال المنزلي (الدار البيضاء)",
      fr: "Électricité - usage domestique (Casablanca)",
      en: "Electricity - residential (Casablanca)",
    },
    versions: [{ effectiveFrom: "2017-01-01", definition: MA_ELECTRICITY_CASA_2017 }],
  },
  {
    code: "MA-WATER-RES",
    service: "water",
    category: "residential",
    territory: "MA-national",
    currency: "MAD",
    names: {
      ar: "الماء الصالح للشرب - الاستعمال المنزلي",
      fr: "Eau potable - usage domestique",
      en: "Drinking water - residential",
    },
    versions: [
      { effectiveFrom: "2023-01-01", definition: maWater("0.07") },
      { effectiveFrom: "2024-01-01", definition: maWater("0") },
    ],
  },
  {
    code: "MA-SAN-RES",
    service: "sanitation",
    category: "residential",
    territory: "MA-national",
    currency: "MAD",
    names: {
      ar: "التطهير السائل - الاستعمال المنزلي",
      fr: "Assainissement liquide - usage domestique",
      en: "Sanitation - residential",
    },
    versions: [
      { effectiveFrom: "2023-01-01", definition: maSanitation("0.07") },
      { effectiveFrom: "2024-01-01", definition: maSanitation("0") },
    ],
  },
  {
    code: "DEWA-ELEC-RES",
    service: "electricity",
    category: "residential",
    territory: "AE-DU",
    currency: "AED",
    names: {
      ar: "الكهرباء - سكني",
      fr: "Électricité - résidentiel",
      en: "Electricity - residential",
    },
    versions: [{ effectiveFrom: "2020-12-01", definition: DEWA_ELECTRICITY }],
  },
  {
    code: "DEWA-WATER-RES",
    service: "water",
    category: "residential",
    territory: "AE-DU",
    currency: "AED",
    names: { ar: "المياه - سكني", fr: "Eau - résidentiel", en: "Water - residential" },
    versions: [{ effectiveFrom: "2025-01-01", definition: DEWA_WATER }],
  },
  {
    code: "SEC-ELEC-RES",
    service: "electricity",
    category: "residential",
    territory: "SA",
    currency: "SAR",
    names: {
      ar: "الكهرباء - سكني",
      fr: "Électricité - résidentiel",
      en: "Electricity - residential",
    },
    // From July 2020, when VAT went to 15%.
    versions: [{ effectiveFrom: "2020-07-01", definition: SEC_ELECTRICITY }],
  },
];
