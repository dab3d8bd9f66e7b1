import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { incidents, requestKinds, users, workItems } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { itemLink } from "@/lib/workflow/links";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueEmail } from "@/lib/notify/outbox";
import type { EmailTemplates } from "@/lib/notify/render-email";
import { addBusinessMinutes } from "@/lib/workflow/business-time";
import { loadWorkflowConfig, policyFor } from "@/lib/workflow/config";
import { newTrackingCode, nextItemNumber, yearInZone } from "@/lib/workflow/numbering";
import { recordEvent } from "@/lib/workflow/record-event";
import { normaliseForMatching, routeSubmission, type Priority } from "@/lib/workflow/routing";
import { findReplay, isUniqueViolation, storeReplay, type IdempotencyKey } from "./idempotency";

export type Channel = "web" | "phone" | "counter" | "email" | "api";
export type Service = "electricity" | "water" | "sanitation";

export type Submission = {
  kind: string;
  channel: Channel;
  title: string;
  description: string;
  locale: Locale;
  actor: Actor;
  meta?: RequestMeta;
  /** The customer's account, when there is one (a guest has none). */
  customerUserId?: string | null;
  contractId?: string | null;
  /** The clerk filing on the customer's behalf (phone, counter). */
  filedById?: string | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null };
  service?: Service | null;
  zone?: string | null;
  parentItemId?: string | null;
  /** Route to this department regardless of the rules (follow-ups, satisfaction items). */
  departmentCode?: string;
  priority?: Priority;
  /**
   * Writes the domain row (complaint, reading, letter) inside the filing transaction; it is told
   * the item's number and tracking code (a registry entry prints them).
   */
  createSubject: (
    tx: Tx,
    filed: { number: string; trackingCode: string; year: number },
  ) => Promise<{ type: string; id: string | null }>;
  /**
   * Takes the item's number from another gap-free sequence than its kind's (the mail registry's
   * yearly register), in the same transaction. The kind's counter is then left untouched.
   */
  assignNumber?: (tx: Tx, year: number) => Promise<string>;
  /** The acknowledgement e-mail's template instead of `itemReceived` (false: none). */
  acknowledgement?:
    | false
    | ((
        filed: { number: string; trackingCode: string; resolutionDueAt: Date | null },
        locale: Locale,
      ) => {
        template: "registryAcknowledgement";
        params: Omit<EmailTemplates["registryAcknowledgement"], "name">;
      });
  idempotency?: IdempotencyKey;
};

export type FiledItem = {
  itemId: string;
  number: string;
  trackingCode: string;
  departmentCode: string;
  priority: Priority;
  resolutionDueAt: string | null;
  incidentId: string | null;
};

/**
 * The one intake path. In a single transaction: the domain row, the work item routed to its
 * queue with its number and deadlines, the first timeline event, the audit row and the
 * acknowledgement e-mail. The caller acknowledges only after this returns, i.e. after commit.
 * With an idempotency key, a retry or a double click returns the first result.
 */
export async function fileSubmission(
  db: Db,
  s: Submission,
  now = new Date(),
): Promise<FiledItem & { replayed: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        if (s.idempotency) {
          const replay = await findReplay<FiledItem>(tx, s.idempotency);
          if (replay) return { ...replay.response, replayed: true };
        }
        const filed = await fileInTransaction(tx, s, now);
        if (s.idempotency) await storeReplay(tx, s.idempotency, 201, filed);
        return { ...filed, replayed: false };
      });
    } catch (error) {
      // A concurrent twin with the same key committed first: read its answer.
      if (s.idempotency && attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The filing itself, in the caller's transaction (distribution files several items at once). */
export async function fileInTransaction(tx: Tx, s: Submission, now: Date): Promise<FiledItem> {
  const [kind] = await tx.select().from(requestKinds).where(eq(requestKinds.code, s.kind));
  if (!kind || !kind.active)
    throw new AppError("VALIDATION_FAILED", `unknown kind ${s.kind}`, { kind: "invalid" });

  const config = await loadWorkflowConfig(tx);
  const decision = s.departmentCode
    ? { ruleId: null, departmentCode: s.departmentCode, priority: s.priority ?? "normal" }
    : routeSubmission(
        config.rules,
        {
          kind: s.kind,
          service: s.service ?? null,
          zone: s.zone ?? null,
          channel: s.channel,
          text: `${s.title}\n${s.description}`,
        },
        now,
        s.priority ?? "normal",
      );
  const departmentId = config.departmentIds.get(decision.departmentCode);
  if (!departmentId)
    throw new AppError("VALIDATION_FAILED", `no department ${decision.departmentCode}`, {
      department: "invalid",
    });
  const priority: Priority =
    s.priority && rank(s.priority) > rank(decision.priority) ? s.priority : decision.priority;

  const policy = policyFor(config, s.kind, priority);
  const year = yearInZone(now, config.calendar.timeZone);
  const number = s.assignNumber
    ? await s.assignNumber(tx, year)
    : await nextItemNumber(tx, kind.numberPrefix, year);
  const trackingCode = newTrackingCode();
  const subject = await s.createSubject(tx, { number, trackingCode, year });
  const incidentId = await matchingIncident(tx, {
    departmentId,
    service: s.service,
    zone: s.zone,
    text: `${s.title} ${s.description}`,
  });

  const [item] = await tx
    .insert(workItems)
    .values({
      number,
      trackingCode,
      kindCode: s.kind,
      channel: s.channel,
      status: "new",
      priority,
      departmentId,
      routingRuleId: decision.ruleId,
      customerUserId: s.customerUserId ?? null,
      contractId: s.contractId ?? null,
      filedById: s.filedById ?? null,
      contactName: s.contact?.name ?? null,
      contactEmail: s.contact?.email ?? null,
      contactPhone: s.contact?.phone ?? null,
      locale: s.locale,
      subjectType: subject.type,
      subjectId: subject.id,
      title: s.title,
      description: s.description,
      zone: s.zone ?? null,
      service: s.service ?? null,
      parentItemId: s.parentItemId ?? null,
      incidentId,
      firstResponseDueAt: addBusinessMinutes(config.calendar, now, policy.firstResponseMinutes),
      resolutionDueAt: addBusinessMinutes(config.calendar, now, policy.resolutionMinutes),
      businessMinutesLeft: policy.resolutionMinutes,
      lastCustomerVisibleAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();

  await recordEvent(tx, {
    itemId: item!.id,
    type: "created",
    visibility: "customer",
    actor: s.actor,
    at: now,
    messageKey: "created",
    data: {
      channel: s.channel,
      department: decision.departmentCode,
      priority,
      ruleId: decision.ruleId,
    },
    toStatus: "new",
    businessMinutesTaken: 0,
  });
  if (incidentId) {
    await recordEvent(tx, {
      itemId: item!.id,
      type: "incident_attached",
      visibility: "customer",
      actor: { kind: "system" },
      at: now,
      messageKey: "incidentAttached",
      data: { incidentId },
    });
  }
  await writeAudit(tx, {
    actor: s.actor,
    action: "item.file",
    entityType: "work_item",
    entityId: item!.id,
    after: {
      number,
      kind: s.kind,
      channel: s.channel,
      department: decision.departmentCode,
      priority,
      subject,
    },
    meta: s.meta,
  });

  const recipient = s.acknowledgement === false ? null : await recipientOf(tx, s);
  if (recipient && s.acknowledgement) {
    const ack = s.acknowledgement(
      { number, trackingCode, resolutionDueAt: item!.resolutionDueAt },
      recipient.locale,
    );
    await enqueueEmail(tx, {
      to: recipient.email,
      locale: recipient.locale,
      template: ack.template,
      params: { ...ack.params, name: recipient.name },
    });
  } else if (recipient) {
    await enqueueEmail(tx, {
      to: recipient.email,
      locale: recipient.locale,
      template: "itemReceived",
      params: {
        name: recipient.name,
        number,
        trackingCode,
        link: itemLink(recipient.locale, { number, trackingCode, hasAccount: !!s.customerUserId }),
      },
    });
  }

  return {
    itemId: item!.id,
    number,
    trackingCode,
    departmentCode: decision.departmentCode,
    priority,
    resolutionDueAt: item!.resolutionDueAt ? item!.resolutionDueAt.toISOString() : null,
    incidentId,
  };
}

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const rank = (p: Priority) => RANK[p];

/** Who hears about the item: the account holder, else the contact e-mail a guest gave. */
async function recipientOf(
  tx: Tx,
  s: Submission,
): Promise<{ email: string; name: string; locale: Locale } | null> {
  if (s.customerUserId) {
    const [u] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, s.customerUserId));
    if (u) return u;
  }
  if (s.contact?.email)
    return { email: s.contact.email, name: s.contact.name ?? "", locale: s.locale };
  return null;
}

/**
 * An open incident this submission belongs to: same department, and the incident's zone and
 * service (when set) match, and at least one of its keywords occurs in the text.
 */
async function matchingIncident(
  tx: Tx,
  input: { departmentId: string; service?: Service | null; zone?: string | null; text: string },
): Promise<string | null> {
  const open = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.status, "open"), eq(incidents.departmentId, input.departmentId)))
    .orderBy(sql`${incidents.openedAt} desc`);
  const text = normaliseForMatching(input.text);
  const match = open.find(
    (i) =>
      // An incident with neither zone nor keywords is attached to by hand only: it would
      // otherwise swallow every complaint of its department.
      (i.zone !== null || i.keywords.length > 0) &&
      (!i.zone || i.zone === input.zone) &&
      (!i.service || i.service === input.service) &&
      (i.keywords.length === 0 || i.keywords.some((k) => text.includes(normaliseForMatching(k)))),
  );
  return match?.id ?? null;
}
