import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountContracts, complaints, contracts, premises } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import { hashRequest } from "@/lib/intake/idempotency";
import { translator } from "@/lib/i18n/translate";
import { TECHNICAL, type ComplaintInput, type StaffComplaintInput } from "./schemas";
import { canonicalSql } from "@/lib/validation/canonical-sql";

type ContractRef = { id: string; service: "electricity" | "water" | "sanitation"; zone: string };

async function findContract(
  db: Db,
  contractNo: string,
  userId: string | null,
): Promise<ContractRef | null> {
  const [row] = await db
    .select({ id: contracts.id, service: contracts.service, zone: premises.zone })
    .from(contracts)
    .innerJoin(premises, eq(premises.id, contracts.premiseId))
    .where(
      and(
        sql`${canonicalSql(contracts.contractNo)} = ${contractNo}`,
        // Only a contract linked to the complainant's account; any contract for a caller without one.
        userId
          ? sql`exists (select 1 from ${accountContracts} ac where ac.contract_id = ${contracts.id} and ac.user_id = ${userId})`
          : undefined,
      ),
    );
  return row ?? null;
}

function titleOf(category: ComplaintInput["category"], locale: Locale): string {
  return translator(locale)(`complaints.category.${category}`);
}

/**
 * File a customer's complaint through the intake path: the complaint row and its work item
 * commit together; the same idempotency key returns the first answer.
 */
export async function fileComplaint(
  db: Db,
  input: ComplaintInput | StaffComplaintInput,
  who: {
    customer: { id: string | null; locale: Locale };
    filedBy?: { id: string; role: "clerk" | "supervisor" | "admin" };
    actor: Actor;
    idempotencyScope: string;
  },
  meta?: RequestMeta,
  now = new Date(),
) {
  // The contract must be one of the complainant's: staff filing for a named customer (the API's
  // customerId) cannot put someone else's contract under that customer's requests. Only a
  // caller without an account (no customer id: the back office found no account holder) may be
  // filed on any contract.
  const contract = input.contractNo
    ? await findContract(db, input.contractNo, who.customer.id)
    : null;
  if (input.contractNo && !contract)
    throw new AppError("VALIDATION_FAILED", "contract not linked", {
      contractNo: "contractUnknown",
    });
  const channel = "channel" in input ? input.channel : "web";
  const { idempotencyKey, ...body } = input;
  return fileSubmission(
    db,
    {
      kind: (TECHNICAL as readonly string[]).includes(input.category)
        ? "complaint_technical"
        : "complaint_commercial",
      channel,
      title: titleOf(input.category, who.customer.locale),
      description: input.description,
      locale: who.customer.locale,
      actor: who.actor,
      meta,
      customerUserId: who.customer.id,
      contractId: contract?.id ?? null,
      filedById: who.filedBy?.id ?? null,
      contact:
        "callerName" in input
          ? { name: input.callerName ?? null, phone: input.callerPhone ?? null }
          : undefined,
      service: contract?.service ?? null,
      zone: contract?.zone ?? null,
      createSubject: async (tx) => {
        const [row] = await tx
          .insert(complaints)
          .values({
            category: input.category,
            contractId: contract?.id ?? null,
            description: input.description,
            photoFileId: input.photoFileId ?? null,
            location: input.location ?? null,
          })
          .returning({ id: complaints.id });
        return { type: "complaint", id: row!.id };
      },
      idempotency: idempotencyKey
        ? { scope: who.idempotencyScope, key: idempotencyKey, requestHash: hashRequest(body) }
        : undefined,
    },
    now,
  );
}
