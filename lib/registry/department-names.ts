import type { DbOrTx } from "@/db/client";
import { departments } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { REGISTRY_DEPARTMENT } from "./access";

/** Departments by code with their names in a language; `targets` are those a letter can go to. */
export async function departmentDirectory(db: DbOrTx, locale: Locale) {
  const rows = await db.select().from(departments).orderBy(departments.code);
  const nameOf = (d: (typeof rows)[number]) =>
    locale === "ar" ? d.nameAr : locale === "fr" ? d.nameFr : d.nameEn;
  const names = new Map(rows.map((d) => [d.code, nameOf(d)]));
  return {
    name: (code: string) => names.get(code) ?? code,
    all: rows.map((d) => ({ code: d.code, name: nameOf(d) })),
    targets: rows
      .filter((d) => d.code !== REGISTRY_DEPARTMENT)
      .map((d) => ({ code: d.code, name: nameOf(d) })),
  };
}
