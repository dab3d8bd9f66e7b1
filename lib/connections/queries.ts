import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  connectionQuotes,
  connectionRequestDocuments,
  connectionRequests,
  connectionRequestTypes,
  connectionStageHistory,
  contracts,
  files,
  workItems,
} from "@/db/schema";
import type { Staff } from "@/lib/workflow/access";
import { isUuid } from "@/lib/validation/ids";

const summary = {
  id: connectionRequests.id,
  stage: connectionRequests.stage,
  service: connectionRequests.service,
  city: connectionRequests.city,
  createdAt: connectionRequests.createdAt,
  applicant: connectionRequests.applicant,
  typeCode: connectionRequests.typeCode,
  typeNameAr: connectionRequestTypes.nameAr,
  typeNameFr: connectionRequestTypes.nameFr,
  typeNameEn: connectionRequestTypes.nameEn,
  number: workItems.number,
  itemStatus: workItems.status,
  dueAt: workItems.resolutionDueAt,
};

/** The customer's own requests, newest first. */
export async function listCustomerRequests(db: DbOrTx, params: { userId: string }) {
  return db
    .select(summary)
    .from(connectionRequests)
    .innerJoin(connectionRequestTypes, eq(connectionRequestTypes.code, connectionRequests.typeCode))
    .innerJoin(workItems, eq(workItems.id, connectionRequests.itemId))
    .where(eq(connectionRequests.customerUserId, params.userId))
    .orderBy(desc(connectionRequests.createdAt));
}

/** Staff's queue: requests of their departments (admins: all), open ones first by deadline. */
export async function listConnectionsQueue(
  db: DbOrTx,
  staff: Staff,
  params: { stage?: string; includeClosed?: boolean } = {},
) {
  return db
    .select(summary)
    .from(connectionRequests)
    .innerJoin(connectionRequestTypes, eq(connectionRequestTypes.code, connectionRequests.typeCode))
    .innerJoin(workItems, eq(workItems.id, connectionRequests.itemId))
    .where(
      and(
        staff.role === "admin"
          ? undefined
          : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${staff.id})`,
        params.stage ? eq(connectionRequests.stage, params.stage) : undefined,
        params.includeClosed ? undefined : ne(workItems.status, "resolved"),
      ),
    )
    .orderBy(asc(workItems.resolutionDueAt), asc(connectionRequests.createdAt))
    .limit(200);
}

/**
 * One request with everything its pages show: documents (with file names), stage history,
 * quotes, the contract. `access` scopes it to its customer or to staff of its department.
 */
export async function getRequestDetail(
  db: DbOrTx,
  params: { requestId: string; access: { customerId: string } | { staff: Staff } },
) {
  if (!isUuid(params.requestId)) return undefined;
  const { access } = params;
  const scope =
    "customerId" in access
      ? eq(connectionRequests.customerUserId, access.customerId)
      : access.staff.role === "admin"
        ? undefined
        : access.staff.role === "customer"
          ? sql`false`
          : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${access.staff.id})`;
  const [row] = await db
    .select({ request: connectionRequests, type: connectionRequestTypes, item: workItems })
    .from(connectionRequests)
    .innerJoin(connectionRequestTypes, eq(connectionRequestTypes.code, connectionRequests.typeCode))
    .innerJoin(workItems, eq(workItems.id, connectionRequests.itemId))
    .where(and(eq(connectionRequests.id, params.requestId), scope));
  if (!row) return undefined;
  const [documents, history, quotes, contract] = await Promise.all([
    db
      .select({
        id: connectionRequestDocuments.id,
        docCode: connectionRequestDocuments.docCode,
        status: connectionRequestDocuments.status,
        note: connectionRequestDocuments.note,
        fileName: files.originalName,
        mime: files.mime,
        size: files.size,
        hasFile: sql<boolean>`${connectionRequestDocuments.fileId} is not null`,
      })
      .from(connectionRequestDocuments)
      .leftJoin(files, eq(files.id, connectionRequestDocuments.fileId))
      .where(eq(connectionRequestDocuments.requestId, row.request.id)),
    db
      .select()
      .from(connectionStageHistory)
      .where(eq(connectionStageHistory.requestId, row.request.id))
      .orderBy(asc(connectionStageHistory.at)),
    db
      .select()
      .from(connectionQuotes)
      .where(eq(connectionQuotes.requestId, row.request.id))
      .orderBy(desc(connectionQuotes.issuedAt)),
    row.request.contractId
      ? db
          .select({ contractNo: contracts.contractNo, status: contracts.status })
          .from(contracts)
          .where(eq(contracts.id, row.request.contractId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  return { ...row, documents, history, quotes, contract };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;
