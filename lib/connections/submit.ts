import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  connectionDrafts,
  connectionRequestDocuments,
  connectionRequests,
  connectionStageHistory,
  workItems,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { findLinkedContractByNumber } from "@/lib/contracts/queries";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import { hashRequest } from "@/lib/intake/idempotency";
import { assertOwnDocuments } from "./documents";
import { checkAgainstType, connectionRequestSchema } from "./schemas";
import { getActiveType } from "./types";

export type SubmitterContext = {
  customer: { id: string; role: "customer"; locale: Locale };
  channel: "web" | "api";
  meta?: RequestMeta;
};

export type SubmittedRequest = {
  requestId: string;
  number: string;
  trackingCode: string;
  replayed: boolean;
};

/**
 * File a connection, subscription or termination request through the one intake path: the
 * request, its documents, its first stage, the work item in the connections queue, the number,
 * the timeline event, the audit row and the acknowledgement e-mail commit together. Input is
 * checked with the form's own schema, then against the configured type; the documents must be
 * the customer's own uploads. A retry with the same idempotency key returns the first answer.
 */
export async function submitConnectionRequest(
  db: Db,
  raw: unknown,
  ctx: SubmitterContext,
  now = new Date(),
): Promise<SubmittedRequest> {
  const input = parseOrThrow(connectionRequestSchema, raw);
  const type = await getActiveType(db, input.typeCode);
  if (!type) throw new AppError("VALIDATION_FAILED", "unknown type", { typeCode: "invalid" });
  const fields = checkAgainstType(input, type);
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "type rules", fields);
  await assertOwnDocuments(db, ctx.customer.id, Object.values(input.documents));
  const contract = input.contractNo
    ? await findLinkedContractByNumber(db, {
        userId: ctx.customer.id,
        contractNo: input.contractNo,
      })
    : null;
  if (input.contractNo && !contract)
    throw new AppError("VALIDATION_FAILED", "contract not linked", {
      contractNo: "contractUnknown",
    });

  const actor = { kind: "user" as const, userId: ctx.customer.id, role: "customer" as const };
  const { idempotencyKey, ...body } = input;
  // The subject row needs the item's id and the item needs the subject: both are written in one
  // outer transaction, the intake path running in a savepoint inside it.
  return db.transaction(async (tx) => {
    let requestId = "";
    const filed = await fileSubmission(
      tx as unknown as Db,
      {
        kind: type.code,
        channel: ctx.channel,
        title: `${type.nameFr} — ${input.premises.city}`,
        description: `${input.applicant.name}, ${input.premises.addressLine}, ${input.premises.city}`,
        locale: ctx.customer.locale,
        actor,
        meta: ctx.meta,
        customerUserId: ctx.customer.id,
        contractId: contract?.id ?? null,
        contact: {
          name: input.applicant.name,
          email: input.applicant.email,
          phone: input.applicant.phone,
        },
        service: input.service,
        createSubject: async () => ({ type: "connection_request", id: null }),
        idempotency: idempotencyKey
          ? {
              scope: `user:${ctx.customer.id}`,
              key: idempotencyKey,
              requestHash: hashRequest(body),
            }
          : undefined,
      },
      now,
    );
    if (filed.replayed) {
      const [existing] = await tx
        .select({ id: connectionRequests.id })
        .from(connectionRequests)
        .where(eq(connectionRequests.itemId, filed.itemId));
      return {
        requestId: existing!.id,
        number: filed.number,
        trackingCode: filed.trackingCode,
        replayed: true,
      };
    }
    const [request] = await tx
      .insert(connectionRequests)
      .values({
        typeCode: type.code,
        itemId: filed.itemId,
        customerUserId: ctx.customer.id,
        stage: "submitted",
        service: input.service,
        applicant: input.applicant,
        addressLine: input.premises.addressLine,
        city: input.premises.city,
        latitude: input.premises.latitude ?? null,
        longitude: input.premises.longitude ?? null,
        use: input.premises.use,
        detail: input.detail || null,
        occupancy: input.occupancy ?? null,
        terminationReason: input.terminationReason ?? null,
        contractId: contract?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: connectionRequests.id });
    requestId = request!.id;
    const docs = Object.entries(input.documents);
    if (docs.length)
      await tx
        .insert(connectionRequestDocuments)
        .values(docs.map(([docCode, fileId]) => ({ requestId, docCode, fileId, updatedAt: now })));
    await tx.insert(connectionStageHistory).values({
      requestId,
      fromStage: null,
      toStage: "submitted",
      actorUserId: ctx.customer.id,
      at: now,
    });
    // The engine stored a null subject id (the row did not exist yet): point it at the request.
    await tx.update(workItems).set({ subjectId: requestId }).where(eq(workItems.id, filed.itemId));
    await tx
      .delete(connectionDrafts)
      .where(
        and(eq(connectionDrafts.userId, ctx.customer.id), eq(connectionDrafts.typeCode, type.code)),
      );
    await writeAudit(tx, {
      actor,
      action: "connection.submit",
      entityType: "connection_request",
      entityId: requestId,
      after: { number: filed.number, type: type.code, documents: docs.map(([code]) => code) },
      meta: ctx.meta,
    });
    return { requestId, number: filed.number, trackingCode: filed.trackingCode, replayed: false };
  });
}
