import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { registryDistributions, workItems, type RegistryEntry } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { fileInTransaction } from "@/lib/intake/file-submission";
import { assertOpen, lockItemForStaff, type Staff } from "@/lib/workflow/access";
import { loadWorkflowConfig, type WorkflowConfig } from "@/lib/workflow/config";
import { recordEvent } from "@/lib/workflow/record-event";
import { refreshSla } from "@/lib/workflow/refresh-sla";
import { routeSubmission } from "@/lib/workflow/routing";
import { entryForRegistryStaff, REGISTRY_DEPARTMENT, registryItemId } from "./access";

/**
 * The department the routing rules would choose for a letter's text — the registry office's
 * own rules left out — proposed to the clerk as the lead, who may choose another.
 */
export function suggestLead(
  config: WorkflowConfig,
  entry: Pick<RegistryEntry, "category" | "subject" | "body">,
  now = new Date(),
): string {
  const rules = config.rules.filter((r) => r.departmentCode !== REGISTRY_DEPARTMENT);
  try {
    return routeSubmission(
      rules,
      {
        // A complaint follows the complaint rules (bills → billing, leaks → interventions).
        kind: entry.category === "complaint" ? "complaint_commercial" : "letter",
        channel: "web",
        text: `${entry.subject}\n${entry.body}`,
      },
      now,
    ).departmentCode;
  } catch {
    return [...config.departmentIds.keys()].find((c) => c !== REGISTRY_DEPARTMENT) ?? "";
  }
}

/**
 * Distribute an incoming letter: one work item in the lead department's queue and one per copy,
 * each a child of the registry office's item, numbered and given their deadline by the engine
 * (then transferable like any item). The sender's timeline says where it went; the registry
 * item moves to "in progress" until the reply is registered. One transaction. A letter has one
 * lead: distributing again only adds copies.
 */
export async function distributeEntry(
  db: Db,
  staff: Staff,
  input: { entryId: string; lead: string; copies: string[]; note?: string },
  opts: { now?: Date; meta?: RequestMeta } = {},
): Promise<{ items: { number: string; departmentCode: string; lead: boolean }[] }> {
  const now = opts.now ?? new Date();
  const entry = await entryForRegistryStaff(db, staff, input.entryId);
  if (entry.direction !== "incoming") throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const registryItem = await lockItemForStaff(tx, staff, await registryItemId(tx, entry));
    assertOpen(registryItem);
    const config = await loadWorkflowConfig(tx);
    const existing = await tx
      .select()
      .from(registryDistributions)
      .where(eq(registryDistributions.entryId, entry.id));
    const existingLead = existing.find((d) => d.lead === "lead");
    const leadCode = input.lead;
    if (!config.departmentIds.has(leadCode) || leadCode === REGISTRY_DEPARTMENT)
      throw new AppError("VALIDATION_FAILED", "lead", { lead: "invalid" });
    if (existingLead && existingLead.departmentId !== config.departmentIds.get(leadCode))
      throw new AppError("VALIDATION_FAILED", "already has a lead", { lead: "alreadyDistributed" });
    const already = new Set(existing.map((d) => d.departmentId));
    const copies = [...new Set(input.copies)].filter((c) => c && c !== leadCode);
    for (const c of copies)
      if (!config.departmentIds.has(c) || c === REGISTRY_DEPARTMENT)
        throw new AppError("VALIDATION_FAILED", "copy", { copies: "invalid" });
    const targets = [
      ...(existingLead ? [] : [{ code: leadCode, lead: true }]),
      ...copies
        .filter((c) => !already.has(config.departmentIds.get(c)!))
        .map((code) => ({ code, lead: false })),
    ];
    if (!targets.length)
      throw new AppError("VALIDATION_FAILED", "nothing new", { copies: "alreadyDistributed" });

    const actor = { kind: "user" as const, userId: staff.id, role: staff.role };
    const created: { number: string; departmentCode: string; lead: boolean }[] = [];
    for (const target of targets) {
      const filed = await fileInTransaction(
        tx,
        {
          kind: "letter",
          channel: registryItem.channel,
          title: `${entry.registryNo} · ${entry.subject}`,
          description: [entry.body, input.note].filter(Boolean).join("\n\n"),
          locale: entry.locale,
          actor,
          meta: opts.meta,
          departmentCode: target.code,
          parentItemId: registryItem.id,
          // A copy is for information: it must not compete with the lead for the clerks' time.
          priority: target.lead ? registryItem.priority : "low",
          // Nobody outside is told: the sender follows the registry item.
          acknowledgement: false,
          createSubject: async () => ({ type: "registry_entry", id: entry.id }),
        },
        now,
      );
      await tx.insert(registryDistributions).values({
        entryId: entry.id,
        workItemId: filed.itemId,
        departmentId: config.departmentIds.get(target.code)!,
        lead: target.lead ? "lead" : "copy",
        distributedById: staff.id,
        distributedAt: now,
      });
      created.push({ number: filed.number, departmentCode: target.code, lead: target.lead });
    }

    const toStatus = registryItem.status === "new" ? "in_progress" : registryItem.status;
    await recordEvent(tx, {
      itemId: registryItem.id,
      type: "transferred",
      visibility: "customer",
      actor,
      at: now,
      messageKey: "registryDistributed",
      data: {
        departments: created.map((c) => c.departmentCode),
        items: created.map((c) => c.number),
      },
      fromStatus: registryItem.status !== toStatus ? registryItem.status : null,
      toStatus: registryItem.status !== toStatus ? toStatus : null,
    });
    const [updated] = await tx
      .update(workItems)
      .set({
        status: toStatus,
        firstResponseAt: registryItem.firstResponseAt ?? now,
        lastCustomerVisibleAt: now,
        updatedAt: now,
      })
      .where(and(eq(workItems.id, registryItem.id)))
      .returning();
    await refreshSla(tx, updated!, config, now);
    await writeAudit(tx, {
      actor,
      action: "registry.distribute",
      entityType: "registry_entry",
      entityId: entry.id,
      after: { lead: existingLead ? null : leadCode, copies, items: created },
      meta: opts.meta,
    });
    return { items: created };
  });
}
