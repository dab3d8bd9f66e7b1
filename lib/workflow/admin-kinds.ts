/**
 * Request kinds and their deadline policies as administrators edit them. A new kind (a
 * temporary storm hotline, a new service) is a row here plus, usually, a routing rule: no code
 * change. Kinds are never deleted — items keep their kind — only deactivated.
 */
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { requestKinds, slaPolicies, type RequestKind, type SlaPolicyRow } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { auditActorOf, lockConfiguration, refusal, type AdminUser } from "./admin-actor";
import {
  PRIORITY_ORDER,
  type CreateKindInput,
  type KindPoliciesInput,
  type PolicySet,
  type UpdateKindInput,
} from "./admin-schemas";

/**
 * Kinds the portal files by itself (complaints from the complaint form, follow-ups, low
 * ratings): switching one off would make those features fail for customers.
 */
export const BUILT_IN_KINDS: readonly string[] = [
  "complaint_technical",
  "complaint_commercial",
  "follow_up",
  "low_rating",
];

export type AdminKind = RequestKind & { policies: PolicySet; builtIn: boolean };

function policySetOf(rows: SlaPolicyRow[]): PolicySet {
  const set: PolicySet = {};
  for (const p of rows) {
    set[p.priority] = {
      firstResponseMinutes: p.firstResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
    };
  }
  return set;
}

/** Every kind, oldest first, with the policies of its own (priorities without one use the defaults). */
export async function listRequestKinds(db: DbOrTx): Promise<AdminKind[]> {
  const [kinds, policies] = await Promise.all([
    db.select().from(requestKinds).orderBy(asc(requestKinds.createdAt), asc(requestKinds.code)),
    db.select().from(slaPolicies),
  ]);
  return kinds.map((k) => ({
    ...k,
    policies: policySetOf(policies.filter((p) => p.kindCode === k.code)),
    builtIn: BUILT_IN_KINDS.includes(k.code),
  }));
}

/** The default policies, which apply to every kind and priority without its own. */
export async function getDefaultPolicies(db: DbOrTx): Promise<PolicySet> {
  return policySetOf(await db.select().from(slaPolicies).where(isNull(slaPolicies.kindCode)));
}

async function kindByCode(tx: DbOrTx, code: string): Promise<RequestKind> {
  const [kind] = await tx.select().from(requestKinds).where(eq(requestKinds.code, code));
  if (!kind) throw new AppError("NOT_FOUND", `kind ${code}`);
  return kind;
}

const kindFilter = (kindCode: string | null) =>
  kindCode === null ? isNull(slaPolicies.kindCode) : eq(slaPolicies.kindCode, kindCode);

/**
 * Make the stored policies of a kind (or the defaults, kind null) exactly `policies`: priorities
 * given are inserted or updated, the others removed (they fall back to the defaults).
 */
async function writePolicies(tx: Tx, kindCode: string | null, policies: PolicySet) {
  const existing = await tx.select().from(slaPolicies).where(kindFilter(kindCode));
  for (const priority of PRIORITY_ORDER) {
    const wanted = policies[priority];
    const row = existing.find((p) => p.priority === priority);
    if (wanted && row) {
      await tx.update(slaPolicies).set(wanted).where(eq(slaPolicies.id, row.id));
    } else if (wanted) {
      await tx.insert(slaPolicies).values({ kindCode, priority, ...wanted });
    } else if (row) {
      await tx.delete(slaPolicies).where(eq(slaPolicies.id, row.id));
    }
  }
  return policySetOf(await tx.select().from(slaPolicies).where(kindFilter(kindCode)));
}

/** Add a kind with its own policies; its code and number prefix must be free. */
export async function createRequestKind(
  db: Db,
  admin: AdminUser,
  input: CreateKindInput,
  meta?: RequestMeta,
): Promise<RequestKind> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "kinds");
    const fields: Record<string, string> = {};
    const [sameCode] = await tx
      .select({ code: requestKinds.code })
      .from(requestKinds)
      .where(eq(requestKinds.code, input.code));
    if (sameCode) fields.code = "codeTaken";
    // Numbers must never collide: REC-2026-000001 has to name one item only.
    const [samePrefix] = await tx
      .select({ code: requestKinds.code })
      .from(requestKinds)
      .where(sql`upper(${requestKinds.numberPrefix}) = ${input.numberPrefix}`);
    if (samePrefix) fields.numberPrefix = "prefixTaken";
    if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "kind taken", fields);
    const [kind] = await tx
      .insert(requestKinds)
      .values({
        code: input.code,
        numberPrefix: input.numberPrefix,
        nameAr: input.nameAr,
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        customerCanFile: input.customerCanFile,
        active: true,
      })
      .returning();
    const policies = await writePolicies(tx, kind!.code, input.policies);
    await writeAudit(tx, {
      actor,
      action: "request_kind.create",
      entityType: "request_kind",
      entityId: kind!.code,
      after: { ...kind, policies },
      meta,
    });
    return kind!;
  });
}

/** Rename a kind or change whether customers may file it. Code and prefix stay as created. */
export async function updateRequestKind(
  db: Db,
  admin: AdminUser,
  input: UpdateKindInput,
  meta?: RequestMeta,
): Promise<RequestKind> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "kinds");
    const before = await kindByCode(tx, input.code);
    const [after] = await tx
      .update(requestKinds)
      .set({
        nameAr: input.nameAr,
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        customerCanFile: input.customerCanFile,
      })
      .where(eq(requestKinds.code, before.code))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "request_kind.update",
      entityType: "request_kind",
      entityId: before.code,
      before,
      after,
      meta,
    });
    return after!;
  });
}

/**
 * Open or close a kind to new items (a temporary hotline when the storm is over). Items of
 * the kind already filed carry on.
 */
export async function setRequestKindActive(
  db: Db,
  admin: AdminUser,
  input: { code: string; active: boolean },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "kinds");
    const before = await kindByCode(tx, input.code);
    if (!input.active && BUILT_IN_KINDS.includes(before.code)) {
      throw refusal("CONFLICT", "kindBuiltIn");
    }
    if (before.active === input.active) return;
    await tx
      .update(requestKinds)
      .set({ active: input.active })
      .where(and(eq(requestKinds.code, before.code), ne(requestKinds.active, input.active)));
    await writeAudit(tx, {
      actor,
      action: input.active ? "request_kind.activate" : "request_kind.deactivate",
      entityType: "request_kind",
      entityId: before.code,
      before: { active: before.active },
      after: { active: input.active },
      meta,
    });
  });
}

/** Replace the policies of a kind, or the default policies (kindCode null, all four required). */
export async function saveKindPolicies(
  db: Db,
  admin: AdminUser,
  input: KindPoliciesInput,
  meta?: RequestMeta,
): Promise<PolicySet> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "kinds");
    if (input.kindCode !== null) await kindByCode(tx, input.kindCode);
    const before = policySetOf(
      await tx.select().from(slaPolicies).where(kindFilter(input.kindCode)),
    );
    const after = await writePolicies(tx, input.kindCode, input.policies);
    await writeAudit(tx, {
      actor,
      action: "sla_policy.save",
      entityType: "sla_policy",
      entityId: input.kindCode ?? "*",
      before,
      after,
      meta,
    });
    return after;
  });
}
