import type { Locale } from "@/lib/i18n/locales";

/**
 * The utility's customer agencies, where clerks take cash and cheques. A constant list until
 * agencies get a table of their own: the code is what payments store, so renaming an agency
 * here never rewrites history.
 */
export const AGENCIES = [
  {
    code: "EJD-CENTRE",
    nameAr: "الجديدة المركز",
    nameFr: "El Jadida Centre",
    nameEn: "El Jadida Centre",
  },
  {
    code: "EJD-MOUILHA",
    nameAr: "الجديدة المويلحة",
    nameFr: "El Jadida Mouilha",
    nameEn: "El Jadida Mouilha",
  },
  { code: "AZEMMOUR", nameAr: "أزمور", nameFr: "Azemmour", nameEn: "Azemmour" },
  { code: "SIDI-BENNOUR", nameAr: "سيدي بنور", nameFr: "Sidi Bennour", nameEn: "Sidi Bennour" },
  { code: "BIR-JDID", nameAr: "البئر الجديد", nameFr: "Bir Jdid", nameEn: "Bir Jdid" },
] as const;

export type AgencyCode = (typeof AGENCIES)[number]["code"];

export const AGENCY_CODES = AGENCIES.map((a) => a.code) as [AgencyCode, ...AgencyCode[]];

export function isAgencyCode(value: unknown): value is AgencyCode {
  return typeof value === "string" && (AGENCY_CODES as readonly string[]).includes(value);
}

/** The agency's name in the reader's language; an unknown code (older data) as it is stored. */
export function agencyName(code: string | null, locale: Locale): string | null {
  if (!code) return null;
  const agency = AGENCIES.find((a) => a.code === code);
  if (!agency) return code;
  return locale === "ar" ? agency.nameAr : locale === "fr" ? agency.nameFr : agency.nameEn;
}

/** The cookie that remembers a clerk's agency on their counter's browser. */
export const AGENCY_COOKIE = "wasla_agency";
