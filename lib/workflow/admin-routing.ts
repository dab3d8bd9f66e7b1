/**
 * Routing rules as administrators edit them. The rules are ordered by `position` (renumbered
 * 10, 20, 30… in the transaction of every change that moves one), the catch-all default rule
 * always last; each change is checked against the invariants of the whole set
 * (ruleSetSchema) before it commits, with its audit row.
 */
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import {
  departments,
  premises,
  requestKinds,
  routingRules,
  workItems,
  type RoutingRuleRow,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { auditActorOf, lockConfiguration, refusal, type AdminUser } from "./admin-actor";
import { workflowTimeZone } from "./admin-calendar";
import {
  ruleSetSchema,
  type CreateRuleInput,
  type MoveRuleInput,
  type TryRoutingInput,
  type UpdateRuleInput,
} from "./admin-schemas";
import { loadWorkflowConfig } from "./config";
import { routeSubmission, type RoutingDecision, type RoutingRule } from "./routing";
import { wallClockToInstant } from "./wall-clock";

export type AdminRule = RoutingRuleRow & { departmentCode: string };

/** Every rule in the order routing consults them, the default (catch-all) last. */
export async function listRoutingRules(db: DbOrTx): Promise<AdminRule[]> {
  const rows = await db
    .select({ rule: routingRules, departmentCode: departments.code })
    .from(routingRules)
    .innerJoin(departments, eq(departments.id, routingRules.departmentId))
    .orderBy(asc(routingRules.isDefault), asc(routingRules.position), asc(routingRules.id));
  return rows.map(({ rule, departmentCode }) => ({ ...rule, departmentCode }));
}

/** Departments for the rule forms, by code. */
export async function listDepartments(db: DbOrTx) {
  return db
    .select({
      id: departments.id,
      code: departments.code,
      nameAr: departments.nameAr,
      nameFr: departments.nameFr,
      nameEn: departments.nameEn,
    })
    .from(departments)
    .orderBy(asc(departments.code));
}

type RuleFields = Omit<UpdateRuleInput, "ruleId">;

/** The columns of a rule from its form, after checking that what it names exists. */
async function ruleColumns(tx: Tx, input: RuleFields) {
  const fields: Record<string, string> = {};
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, input.departmentCode));
  if (!department) fields.departmentCode = "departmentUnknown";
  if (input.kindCode) {
    const [kind] = await tx
      .select({ code: requestKinds.code })
      .from(requestKinds)
      .where(eq(requestKinds.code, input.kindCode));
    if (!kind) fields.kindCode = "kindUnknown";
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "rule refs", fields);
  // Validity windows are typed in the utility's wall-clock time.
  const timeZone = await workflowTimeZone(tx);
  const at = (local: string | null) => (local ? wallClockToInstant(local, timeZone) : null);
  return {
    name: input.name,
    kindCode: input.kindCode,
    service: input.service,
    zone: input.zone,
    channel: input.channel,
    keywords: input.keywords,
    departmentId: department!.id,
    priority: input.priority,
    validFrom: at(input.validFrom),
    validUntil: at(input.validUntil),
  };
}

async function ruleById(tx: DbOrTx, ruleId: string): Promise<RoutingRuleRow> {
  const [rule] = await tx.select().from(routingRules).where(eq(routingRules.id, ruleId));
  if (!rule) throw new AppError("NOT_FOUND", "routing rule");
  return rule;
}

/** Positions 10, 20, 30… in the given order, the default rule after all of them. */
async function renumber(tx: Tx, ordered: string[]): Promise<void> {
  const rules = await tx
    .select({
      id: routingRules.id,
      position: routingRules.position,
      isDefault: routingRules.isDefault,
    })
    .from(routingRules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const sequence = [
    ...ordered.filter((id) => byId.has(id) && !byId.get(id)!.isDefault),
    ...rules.filter((r) => r.isDefault).map((r) => r.id),
  ];
  for (const [i, id] of sequence.entries()) {
    const position = (i + 1) * 10;
    if (byId.get(id)!.position !== position) {
      await tx.update(routingRules).set({ position }).where(eq(routingRules.id, id));
    }
  }
}

/** Refuse the change (roll the transaction back) when the resulting set breaks an invariant. */
async function checkRuleSet(tx: Tx): Promise<void> {
  const rules = await tx.select().from(routingRules);
  const result = ruleSetSchema.safeParse(rules);
  if (!result.success) throw refusal("CONFLICT", result.error.issues[0]!.message);
}

/** The ids of the rules in routing order (default last). */
async function currentOrder(tx: Tx): Promise<string[]> {
  return (await listRoutingRules(tx)).map((r) => r.id);
}

/** Add a rule first or last (just before the catch-all). */
export async function createRoutingRule(
  db: Db,
  admin: AdminUser,
  input: CreateRuleInput,
  meta?: RequestMeta,
): Promise<RoutingRuleRow> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "routing");
    const order = await currentOrder(tx);
    const [created] = await tx
      .insert(routingRules)
      .values({ ...(await ruleColumns(tx, input)), active: input.active, position: 0 })
      .returning();
    await renumber(
      tx,
      input.placement === "top" ? [created!.id, ...order] : [...order, created!.id],
    );
    await checkRuleSet(tx);
    const after = await ruleById(tx, created!.id);
    await writeAudit(tx, {
      actor,
      action: "routing_rule.create",
      entityType: "routing_rule",
      entityId: after.id,
      after,
      meta,
    });
    return after;
  });
}

/**
 * Edit a rule. The default rule keeps only its name, department and priority: it catches
 * everything, always, so criteria, keywords and a validity window have no meaning for it.
 */
export async function updateRoutingRule(
  db: Db,
  admin: AdminUser,
  input: UpdateRuleInput,
  meta?: RequestMeta,
): Promise<RoutingRuleRow> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "routing");
    const before = await ruleById(tx, input.ruleId);
    const columns = await ruleColumns(tx, input);
    const set = before.isDefault
      ? {
          ...columns,
          kindCode: null,
          service: null,
          zone: null,
          channel: null,
          keywords: [],
          validFrom: null,
          validUntil: null,
        }
      : columns;
    await tx.update(routingRules).set(set).where(eq(routingRules.id, before.id));
    await checkRuleSet(tx);
    const after = await ruleById(tx, before.id);
    await writeAudit(tx, {
      actor,
      action: "routing_rule.update",
      entityType: "routing_rule",
      entityId: before.id,
      before,
      after,
      meta,
    });
    return after;
  });
}

/** Swap a rule with its neighbour above or below; the default rule does not move. */
export async function moveRoutingRule(
  db: Db,
  admin: AdminUser,
  input: MoveRuleInput,
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "routing");
    const rule = await ruleById(tx, input.ruleId);
    if (rule.isDefault) throw refusal("CONFLICT", "defaultLocked");
    const before = await listRoutingRules(tx);
    const order = before.filter((r) => !r.isDefault).map((r) => r.id);
    const i = order.indexOf(rule.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    // Already first or last: nothing to do, and nothing to record.
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    await renumber(tx, order);
    const after = await listRoutingRules(tx);
    const positions = (rules: AdminRule[]) =>
      rules.map((r) => ({ id: r.id, name: r.name, position: r.position }));
    await writeAudit(tx, {
      actor,
      action: `routing_rule.move_${input.direction}`,
      entityType: "routing_rule",
      entityId: rule.id,
      before: positions(before),
      after: positions(after),
      meta,
    });
  });
}

/** Switch a rule on or off; the default rule stays on. */
export async function setRoutingRuleActive(
  db: Db,
  admin: AdminUser,
  input: { ruleId: string; active: boolean },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "routing");
    const before = await ruleById(tx, input.ruleId);
    if (before.isDefault && !input.active) throw refusal("CONFLICT", "defaultLocked");
    if (before.active === input.active) return;
    await tx
      .update(routingRules)
      .set({ active: input.active })
      .where(eq(routingRules.id, before.id));
    await checkRuleSet(tx);
    await writeAudit(tx, {
      actor,
      action: input.active ? "routing_rule.activate" : "routing_rule.deactivate",
      entityType: "routing_rule",
      entityId: before.id,
      before: { active: before.active },
      after: { active: input.active },
      meta,
    });
  });
}

/**
 * Delete a rule. Not the default; and not a rule that has routed items, which record the rule
 * that placed them (the rule is then deactivated instead, keeping that history readable).
 */
export async function deleteRoutingRule(
  db: Db,
  admin: AdminUser,
  input: { ruleId: string },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "routing");
    const before = await ruleById(tx, input.ruleId);
    if (before.isDefault) throw refusal("CONFLICT", "defaultLocked");
    const [used] = await tx
      .select({ id: workItems.id })
      .from(workItems)
      .where(eq(workItems.routingRuleId, before.id))
      .limit(1);
    if (used) throw refusal("CONFLICT", "ruleHasItems");
    await tx.delete(routingRules).where(eq(routingRules.id, before.id));
    await renumber(tx, await currentOrder(tx));
    await checkRuleSet(tx);
    await writeAudit(tx, {
      actor,
      action: "routing_rule.delete",
      entityType: "routing_rule",
      entityId: before.id,
      before,
      meta,
    });
  });
}

export type RoutingTrial = {
  decision: RoutingDecision;
  rule: RoutingRule;
  /** Whether the rule set the priority, or the submission's own (normal) was kept. */
  priorityFromRule: boolean;
};

/**
 * Route a sample submission with the saved rules, exactly as intake would at `now`: which rule
 * wins, and the keyword that made it win.
 */
export async function tryRouting(
  db: DbOrTx,
  input: TryRoutingInput,
  now: Date,
): Promise<RoutingTrial> {
  const { rules } = await loadWorkflowConfig(db);
  const decision = routeSubmission(
    rules,
    {
      kind: input.kind,
      service: input.service,
      zone: input.zone,
      channel: input.channel,
      text: input.text,
    },
    now,
  );
  const rule = rules.find((r) => r.id === decision.ruleId)!;
  return { decision, rule, priorityFromRule: rule.priority !== null };
}

/** The zones premises are in, offered as suggestions when a rule names a zone. */
export async function listKnownZones(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ zone: premises.zone })
    .from(premises)
    .orderBy(asc(premises.zone))
    .limit(500);
  return rows.map((r) => r.zone);
}
