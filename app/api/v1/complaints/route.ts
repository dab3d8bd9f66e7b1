// POST /api/v1/complaints - a customer's complaint (or staff filing for a customer), filed through the intake path
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { idempotencyKeyOf, readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { complaintSchema, staffComplaintSchema } from "@/lib/complaints/schemas";
import { currentRequestMeta, isStaff, requireUser } from "@/lib/auth/guards";
import { AppError, parseOrThrow } from "@/lib/errors";

export const dynamic = "force-dynamic";

const staffBody = staffComplaintSchema.extend({ customerId: z.uuid({ error: "invalid" }) });

export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  const body = await readJson(request);
  const key = idempotencyKeyOf(request);
  const meta = await currentRequestMeta();
  const actor = { kind: "user" as const, userId: user.id, role: user.role };
  let filed;
  if (isStaff(user)) {
    const input = parseOrThrow(staffBody, { ...(body as object), idempotencyKey: key });
    const [customer] = await getDb().select().from(users).where(eq(users.id, input.customerId));
    if (!customer || customer.role !== "customer")
      throw new AppError("VALIDATION_FAILED", "unknown customer", { customerId: "invalid" });
    filed = await fileComplaint(
      getDb(),
      input,
      {
        customer: { id: customer.id, locale: customer.locale },
        filedBy: { id: user.id, role: user.role as "clerk" },
        actor,
        idempotencyScope: `user:${user.id}`,
      },
      meta,
    );
  } else {
    const input = parseOrThrow(complaintSchema, { ...(body as object), idempotencyKey: key });
    filed = await fileComplaint(
      getDb(),
      input,
      {
        customer: { id: user.id, locale: user.locale },
        actor,
        idempotencyScope: `user:${user.id}`,
      },
      meta,
    );
  }
  return json({ number: filed.number, trackingCode: filed.trackingCode }, { status: 201 });
});
