import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tariffs, tariffVersions, type Tariff } from "@/db/schema";
import { TARIFF_CATALOG } from "./engine/catalog";
import type { TariffDefinition, TariffVersionInput } from "./engine/types";

/** The published versions of one tariff, oldest first, as the engine takes them. */
export async function loadTariffVersions(
  db: DbOrTx,
  tariffId: string,
): Promise<TariffVersionInput[]> {
  const rows = await db
    .select({
      id: tariffVersions.id,
      code: tariffs.code,
      effectiveFrom: tariffVersions.effectiveFrom,
      definition: tariffVersions.definition,
    })
    .from(tariffVersions)
    .innerJoin(tariffs, eq(tariffs.id, tariffVersions.tariffId))
    .where(and(eq(tariffVersions.tariffId, tariffId), eq(tariffVersions.status, "published")))
    .orderBy(asc(tariffVersions.effectiveFrom));
  return rows.map((r) => ({ ...r, definition: r.definition as TariffDefinition }));
}

export type PublishedTariff = Tariff & { effectiveFrom: string; versions: number };

/** Every tariff with at least one published version, with the date of its newest one. */
export async function listPublishedTariffs(db: DbOrTx): Promise<PublishedTariff[]> {
  const all = await db.select().from(tariffs).orderBy(asc(tariffs.code));
  if (!all.length) return [];
  const versions = await db
    .select({ tariffId: tariffVersions.tariffId, effectiveFrom: tariffVersions.effectiveFrom })
    .from(tariffVersions)
    .where(
      and(
        inArray(
          tariffVersions.tariffId,
          all.map((t) => t.id),
        ),
        eq(tariffVersions.status, "published"),
      ),
    );
  return all.flatMap((t) => {
    const mine = versions
      .filter((v) => v.tariffId === t.id)
      .map((v) => v.effectiveFrom)
      .sort();
    return mine.length ? [{ ...t, effectiveFrom: mine.at(-1)!, versions: mine.length }] : [];
  });
}

export async function findTariffByCode(db: DbOrTx, code: string): Promise<Tariff | undefined> {
  const [row] = await db.select().from(tariffs).where(eq(tariffs.code, code));
  return row;
}

/**
 * The published grids of TARIFFS.md (lib/billing/engine/catalog.ts), as tariffs with published
 * versions. Re-running adds what is missing and leaves the rest alone.
 */
export async function seedTariffs(db: DbOrTx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const entry of TARIFF_CATALOG) {
    await db
      .insert(tariffs)
      .values({
        code: entry.code,
        service: entry.service,
        category: entry.category,
        territory: entry.territory,
        currency: entry.currency,
        nameAr: entry.names.ar,
        nameFr: entry.names.fr,
        nameEn: entry.names.en,
      })
      .onConflictDoNothing();
    const tariff = (await findTariffByCode(db, entry.code))!;
    ids.set(entry.code, tariff.id);
    const existing = await db
      .select({ effectiveFrom: tariffVersions.effectiveFrom })
      .from(tariffVersions)
      .where(eq(tariffVersions.tariffId, tariff.id));
    const missing = entry.versions.filter(
      (v) => !existing.some((e) => e.effectiveFrom === v.effectiveFrom),
    );
    if (missing.length)
      await db.insert(tariffVersions).values(
        missing.map((v) => ({
          tariffId: tariff.id,
          effectiveFrom: v.effectiveFrom,
          definition: v.definition,
          status: "published" as const,
          publishedAt: new Date(`${v.effectiveFrom}T00:00:00Z`),
          note: "TARIFFS.md",
        })),
      );
  }
  return ids;
}
