/**
 * Tariff management for administrators: drafts of new versions, their preview next to the
 * version in force, and publication. A published version is frozen by the database; a new
 * price is always a new version dated after the last one and after the last billed period, so
 * issued bills stay explainable by the versions that priced them.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { tariffs, tariffVersions, users, type Tariff, type TariffVersion } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { auditActorOf, type AdminUser } from "@/lib/workflow/admin-actor";
import { billingRefusal } from "./admin-access";
import { previewTariffVersion, type PreviewRow } from "./admin-tariff-form";
import type { TariffDefinition, TariffVersionInput } from "./engine/types";
import { validateTariffVersion, type TariffValidationError } from "./engine/validate";

export type AdminTariffVersion = Pick<
  TariffVersion,
  "id" | "effectiveFrom" | "status" | "note" | "createdAt" | "publishedAt"
> & { definition: TariffDefinition; publishedByName: string | null };

export type AdminTariff = Tariff & {
  versions: AdminTariffVersion[];
  /** The published version in force today (the latest dated on or before today). */
  inForceId: string | null;
};

function inForceOf(versions: AdminTariffVersion[], today: string): string | null {
  return (
    versions
      .filter((v) => v.status === "published" && v.effectiveFrom <= today)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .at(-1)?.id ?? null
  );
}

async function versionsOf(db: DbOrTx, tariffId?: string) {
  const rows = await db
    .select({
      id: tariffVersions.id,
      tariffId: tariffVersions.tariffId,
      effectiveFrom: tariffVersions.effectiveFrom,
      status: tariffVersions.status,
      note: tariffVersions.note,
      createdAt: tariffVersions.createdAt,
      publishedAt: tariffVersions.publishedAt,
      definition: tariffVersions.definition,
      publishedByName: users.name,
    })
    .from(tariffVersions)
    .leftJoin(users, eq(users.id, tariffVersions.publishedBy))
    .where(tariffId ? eq(tariffVersions.tariffId, tariffId) : undefined)
    .orderBy(desc(tariffVersions.effectiveFrom), desc(tariffVersions.createdAt));
  return rows.map((r) => ({ ...r, definition: r.definition as TariffDefinition }));
}

/** Every tariff with its versions, newest first. */
export async function listTariffsAdmin(db: DbOrTx, today: string): Promise<AdminTariff[]> {
  const [all, versions] = await Promise.all([
    db.select().from(tariffs).orderBy(asc(tariffs.code)),
    versionsOf(db),
  ]);
  return all.map((t) => {
    const mine = versions.filter((v) => v.tariffId === t.id);
    return { ...t, versions: mine, inForceId: inForceOf(mine, today) };
  });
}

/** One tariff with its versions, or null. */
export async function getTariffAdmin(
  db: DbOrTx,
  params: { tariffId: string; today: string },
): Promise<AdminTariff | null> {
  if (!isUuid(params.tariffId)) return null;
  const [tariff] = await db.select().from(tariffs).where(eq(tariffs.id, params.tariffId));
  if (!tariff) return null;
  const versions = await versionsOf(db, tariff.id);
  return { ...tariff, versions, inForceId: inForceOf(versions, params.today) };
}

/**
 * The exclusive end of the last live bill of a contract billed with this tariff: a version
 * dated before it would re-price periods already billed.
 */
export async function lastBilledUntil(db: DbOrTx, tariffId: string): Promise<string | undefined> {
  const { rows } = await db.execute<{ until: string | null }>(sql`
    select max(b.period_end)::text as until from bills b
    join contract_tariffs ct on ct.contract_id = b.contract_id
    where ct.tariff_id = ${tariffId} and b.status = 'issued'`);
  return rows[0]?.until ?? undefined;
}

async function publishedInputs(db: DbOrTx, tariff: Tariff): Promise<TariffVersionInput[]> {
  const rows = await db
    .select()
    .from(tariffVersions)
    .where(and(eq(tariffVersions.tariffId, tariff.id), eq(tariffVersions.status, "published")));
  return rows.map((r) => ({
    id: r.id,
    code: tariff.code,
    effectiveFrom: r.effectiveFrom,
    definition: r.definition as TariffDefinition,
  }));
}

/** Field path (without "definition.") → the validator's code, for the form. */
function fieldsOf(errors: TariffValidationError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = e.path.replace(/^definition\.?/, "") || "definitionJson";
    fields[path] ??= e.code;
  }
  return fields;
}

async function lockTariff(tx: Tx, tariffId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`wasla:tariff:${tariffId}`}))`);
}

async function checkVersion(tx: Tx, tariff: Tariff, candidate: TariffVersionInput) {
  const result = validateTariffVersion(candidate, await publishedInputs(tx, tariff), {
    lastBilledUntil: await lastBilledUntil(tx, tariff.id),
  });
  if (!result.ok) throw new AppError("VALIDATION_FAILED", "tariff", fieldsOf(result.errors));
  // The definition prices this tariff's own service, unit and currency, not another's.
  const def = candidate.definition;
  if (def.service !== tariff.service || def.currency !== tariff.currency)
    throw billingRefusal("VALIDATION_FAILED", "tariffMismatch");
}

/**
 * Save a new draft version of a tariff. Refused with every problem named (overlapping blocks,
 * negative prices, a date on or before the latest version or before the last billed period)
 * and nothing written.
 */
export async function createTariffDraft(
  db: Db,
  admin: AdminUser,
  input: {
    tariffId: string;
    effectiveFrom: string;
    definition: TariffDefinition | null;
    note?: string;
  },
  meta?: RequestMeta,
): Promise<TariffVersion> {
  const actor = auditActorOf(admin);
  if (!input.definition)
    throw billingRefusal("VALIDATION_FAILED", "badJson", { definitionJson: "badJson" });
  const definition = input.definition;
  return db.transaction(async (tx) => {
    await lockTariff(tx, input.tariffId);
    const [tariff] = await tx.select().from(tariffs).where(eq(tariffs.id, input.tariffId));
    if (!tariff) throw new AppError("NOT_FOUND", `tariff ${input.tariffId}`);
    await checkVersion(tx, tariff, {
      id: "draft",
      code: tariff.code,
      effectiveFrom: input.effectiveFrom,
      definition,
    });
    const [row] = await tx
      .insert(tariffVersions)
      .values({
        tariffId: tariff.id,
        effectiveFrom: input.effectiveFrom,
        definition,
        status: "draft",
        note: input.note || null,
        createdBy: admin.id,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: "tariff_version.draft",
      entityType: "tariff_version",
      entityId: row!.id,
      after: { tariff: tariff.code, effectiveFrom: input.effectiveFrom, definition },
      meta,
    });
    return row!;
  });
}

async function draftFor(tx: Tx, versionId: string) {
  const [row] = await tx
    .select({ version: tariffVersions, tariff: tariffs })
    .from(tariffVersions)
    .innerJoin(tariffs, eq(tariffs.id, tariffVersions.tariffId))
    .where(eq(tariffVersions.id, versionId));
  if (!row) throw new AppError("NOT_FOUND", `tariff version ${versionId}`);
  if (row.version.status !== "draft") throw billingRefusal("CONFLICT", "alreadyPublished");
  return row;
}

/**
 * Publish a draft: checked again against the versions and bills of now (a bill may have been
 * issued since the draft was saved), then frozen for good.
 */
export async function publishTariffVersion(
  db: Db,
  admin: AdminUser,
  input: { versionId: string },
  meta?: RequestMeta,
): Promise<TariffVersion> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    const [peek] = await tx
      .select({ tariffId: tariffVersions.tariffId })
      .from(tariffVersions)
      .where(eq(tariffVersions.id, input.versionId));
    if (!peek) throw new AppError("NOT_FOUND", `tariff version ${input.versionId}`);
    await lockTariff(tx, peek.tariffId);
    const { version, tariff } = await draftFor(tx, input.versionId);
    await checkVersion(tx, tariff, {
      id: version.id,
      code: tariff.code,
      effectiveFrom: version.effectiveFrom,
      definition: version.definition as TariffDefinition,
    });
    const [row] = await tx
      .update(tariffVersions)
      .set({ status: "published", publishedBy: admin.id, publishedAt: new Date() })
      .where(eq(tariffVersions.id, version.id))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "tariff_version.publish",
      entityType: "tariff_version",
      entityId: version.id,
      before: { status: "draft" },
      after: { status: "published", tariff: tariff.code, effectiveFrom: version.effectiveFrom },
      meta,
    });
    return row!;
  });
}

/** Throw away a draft (a published version can never be deleted: the trigger refuses it). */
export async function deleteTariffDraft(
  db: Db,
  admin: AdminUser,
  input: { versionId: string },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    const { version, tariff } = await draftFor(tx, input.versionId);
    await tx.delete(tariffVersions).where(eq(tariffVersions.id, version.id));
    await writeAudit(tx, {
      actor,
      action: "tariff_version.delete_draft",
      entityType: "tariff_version",
      entityId: version.id,
      before: { tariff: tariff.code, effectiveFrom: version.effectiveFrom },
      meta,
    });
  });
}

/**
 * A version's effect on sample consumptions: each priced over a 30-day month from its date,
 * next to the published version in force just before it.
 */
export function previewAgainstInForce(
  tariff: AdminTariff,
  versionId: string,
): { rows: PreviewRow[]; inForce: AdminTariffVersion | null } | null {
  const version = tariff.versions.find((v) => v.id === versionId);
  if (!version) return null;
  const inForce =
    tariff.versions
      .filter(
        (v) =>
          v.status === "published" &&
          v.id !== version.id &&
          v.effectiveFrom < version.effectiveFrom,
      )
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .at(-1) ?? null;
  const input = (v: AdminTariffVersion): TariffVersionInput => ({
    id: v.id,
    code: tariff.code,
    effectiveFrom: v.effectiveFrom,
    definition: v.definition,
  });
  try {
    return {
      rows: previewTariffVersion({
        candidate: input(version),
        inForce: inForce ? input(inForce) : undefined,
      }),
      inForce,
    };
  } catch {
    return null;
  }
}
