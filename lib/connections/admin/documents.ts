import type { RequiredDocument } from "@/db/schema";

/** A document the utility knows how to ask for, with its name in each language. */
export type KnownDocument = Omit<RequiredDocument, "required">;

/**
 * The documents an admin may ask for in a request type. A closed list rather than free text:
 * the clerk's checklist, the acknowledgement PDF and the "missing documents" message all print
 * these names, so a type cannot ask for a document nobody has translated.
 */
export const KNOWN_DOCUMENTS: readonly KnownDocument[] = [
  {
    code: "national_id",
    nameFr: "Carte d'identité nationale",
    nameAr: "البطاقة الوطنية للتعريف",
    nameEn: "National identity card",
  },
  {
    code: "title_or_lease",
    nameFr: "Titre de propriété, bail ou autorisation du propriétaire",
    nameAr: "رسم الملكية أو عقد الكراء أو إذن المالك",
    nameEn: "Title deed, lease or owner's authorisation",
  },
  {
    code: "occupancy_permit",
    nameFr: "Permis d'habiter ou certificat de conformité",
    nameAr: "رخصة السكن أو شهادة المطابقة",
    nameEn: "Occupancy permit or certificate of conformity",
  },
  { code: "site_plan", nameFr: "Plan de situation", nameAr: "تصميم الموقع", nameEn: "Site plan" },
  {
    code: "last_bill",
    nameFr: "Dernière facture",
    nameAr: "آخر فاتورة",
    nameEn: "Latest bill",
  },
  {
    code: "holder_consent",
    nameFr: "Accord écrit du titulaire actuel",
    nameAr: "موافقة كتابية من صاحب الاشتراك الحالي",
    nameEn: "Written consent of the current holder",
  },
  {
    code: "power_of_attorney",
    nameFr: "Procuration",
    nameAr: "وكالة",
    nameEn: "Power of attorney",
  },
  {
    code: "company_registration",
    nameFr: "Extrait du registre de commerce",
    nameAr: "نسخة من السجل التجاري",
    nameEn: "Trade register extract",
  },
];

export function knownDocument(code: string): KnownDocument | undefined {
  return KNOWN_DOCUMENTS.find((d) => d.code === code);
}

/** The form field of one document's choice: not asked, optional or required. */
export function documentFieldName(code: string): string {
  return `doc_${code}`;
}
