import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  connectionRequestTypes,
  type ConnectionRequestType,
  type RequiredDocument,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** The request types a customer may choose, in the admins' order. */
export async function listActiveTypes(db: DbOrTx): Promise<ConnectionRequestType[]> {
  return db
    .select()
    .from(connectionRequestTypes)
    .where(eq(connectionRequestTypes.active, true))
    .orderBy(asc(connectionRequestTypes.position), asc(connectionRequestTypes.code));
}

/** One active type by its code, or undefined. */
export async function getActiveType(
  db: DbOrTx,
  code: string,
): Promise<ConnectionRequestType | undefined> {
  const [type] = await db
    .select()
    .from(connectionRequestTypes)
    .where(and(eq(connectionRequestTypes.code, code), eq(connectionRequestTypes.active, true)));
  return type;
}

/** A configured name (type or document) in the reader's language. */
export function localName(
  row: Pick<ConnectionRequestType | RequiredDocument, "nameAr" | "nameFr" | "nameEn">,
  locale: Locale,
): string {
  return locale === "ar" ? row.nameAr : locale === "fr" ? row.nameFr : row.nameEn;
}
