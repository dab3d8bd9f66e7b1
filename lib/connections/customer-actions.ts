import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { connectionDrafts, connectionRequestDocuments, connectionRequests } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import { requiredText } from "@/lib/validation/fields";
import { assertOwnDocuments } from "./documents";
import { lockRequest, moveStage } from "./transition";

type Customer = { id: string; locale: Locale };

export const completeDocumentsSchema = z.object({
  documents: z.record(z.string().regex(/^[a-z_]{2,40}$/), z.uuid({ error: "documentMissing" })),
});

/**
 * The customer sends the documents the clerk listed: each listed one must be given, as their
 * own upload. The request returns to the documents check and its deadline runs again.
 */
export async function completeDocuments(
  db: Db,
  customer: Customer,
  requestId: string,
  raw: unknown,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const input = parseOrThrow(completeDocumentsSchema, raw);
  const now = opts.now ?? new Date();
  await assertOwnDocuments(db, customer.id, Object.values(input.documents));
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, requestId, { kind: "customer", userId: customer.id });
    if (locked.request.stage !== "incomplete")
      throw new AppError("INVALID_TRANSITION", "not incomplete");
    const asked = await tx
      .select({ code: connectionRequestDocuments.docCode })
      .from(connectionRequestDocuments)
      .where(
        and(
          eq(connectionRequestDocuments.requestId, requestId),
          inArray(connectionRequestDocuments.status, ["missing", "unreadable"]),
        ),
      );
    const fields: Record<string, string> = {};
    for (const { code } of asked)
      if (!input.documents[code]) fields[`documents.${code}`] = "documentMissing";
    for (const code of Object.keys(input.documents))
      if (!asked.some((a) => a.code === code)) fields[`documents.${code}`] = "invalid";
    if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "documents", fields);
    for (const [docCode, fileId] of Object.entries(input.documents))
      await tx
        .update(connectionRequestDocuments)
        .set({ fileId, status: "received", note: null, updatedAt: now })
        .where(
          and(
            eq(connectionRequestDocuments.requestId, requestId),
            eq(connectionRequestDocuments.docCode, docCode),
          ),
        );
    return moveStage(tx, locked, {
      to: "submitted",
      by: { kind: "customer", userId: customer.id },
      now,
      meta: opts.meta,
    });
  });
}

export const appealSchema = z.object({ reason: requiredText(2000) });

/**
 * Appeal a refusal: a customer-satisfaction item, child of the request's item, is filed through
 * the intake path; the request keeps its refusal and remembers the appeal (one per request).
 */
export async function appealRejection(
  db: Db,
  customer: Customer,
  requestId: string,
  raw: unknown,
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  const { reason } = parseOrThrow(appealSchema, raw);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, requestId, { kind: "customer", userId: customer.id });
    const { request, item } = locked;
    if (request.stage !== "rejected") throw new AppError("INVALID_TRANSITION", "not rejected");
    if (request.appealItemId) throw new AppError("CONFLICT", "already appealed");
    const actor = { kind: "user" as const, userId: customer.id, role: "customer" as const };
    const filed = await fileSubmission(
      tx as unknown as Db,
      {
        kind: "follow_up",
        channel: "web",
        title: `Recours — ${item.number}`,
        description: reason,
        locale: customer.locale,
        actor,
        meta: opts.meta,
        customerUserId: customer.id,
        contractId: request.contractId,
        parentItemId: item.id,
        departmentCode: "customer_satisfaction",
        service: request.service,
        createSubject: async () => ({ type: "connection_appeal", id: request.id }),
      },
      now,
    );
    await tx
      .update(connectionRequests)
      .set({ appealItemId: filed.itemId, updatedAt: now })
      .where(eq(connectionRequests.id, request.id));
    await writeAudit(tx, {
      actor,
      action: "connection.appeal",
      entityType: "connection_request",
      entityId: request.id,
      after: { appealNumber: filed.number },
      meta: opts.meta,
    });
    return { number: filed.number };
  });
}

const draftSchema = z.object({
  typeCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "invalid"),
  data: z.record(z.string(), z.unknown()),
});

/** Keep the form as it stands (partial answers allowed), one draft per customer and type. */
export async function saveDraft(db: Db, userId: string, raw: unknown, now = new Date()) {
  const input = parseOrThrow(draftSchema, raw);
  // A draft holds what a form holds: capped so that nobody stores megabytes in it.
  if (JSON.stringify(input.data).length > 20_000) throw new AppError("PAYLOAD_TOO_LARGE", "draft");
  await db
    .insert(connectionDrafts)
    .values({ userId, typeCode: input.typeCode, data: input.data, updatedAt: now })
    .onConflictDoUpdate({
      target: [connectionDrafts.userId, connectionDrafts.typeCode],
      set: { data: input.data, updatedAt: now },
    });
}

export async function getDraft(db: Db, userId: string, typeCode: string) {
  const [draft] = await db
    .select()
    .from(connectionDrafts)
    .where(and(eq(connectionDrafts.userId, userId), eq(connectionDrafts.typeCode, typeCode)));
  return draft;
}
