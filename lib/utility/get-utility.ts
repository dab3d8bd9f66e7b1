import type { DbOrTx } from "@/db/client";
import { utilities, type Utility } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** The utility this portal runs for (one per deployment). */
export async function getUtility(db: DbOrTx): Promise<Utility> {
  const [utility] = await db.select().from(utilities).limit(1);
  if (!utility) throw new Error("No utility configured: run `npm run db:seed`.");
  return utility;
}

export function utilityName(utility: Utility, locale: Locale): string {
  return locale === "ar" ? utility.nameAr : locale === "fr" ? utility.nameFr : utility.nameEn;
}

export function utilityAddress(utility: Utility, locale: Locale): string {
  return locale === "ar"
    ? utility.addressAr
    : locale === "fr"
      ? utility.addressFr
      : utility.addressEn;
}
