// POST /api/v1/requests - file a connection, subscription or termination request through the intake path
import { readJson, idempotencyKeyOf } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { currentRequestMeta, requireRole } from "@/lib/auth/guards";
import { submitConnectionRequest } from "@/lib/connections/submit";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const user = await requireRole("customer");
  const body = await readJson(request);
  const key = idempotencyKeyOf(request);
  const filed = await submitConnectionRequest(
    getDb(),
    { ...(body && typeof body === "object" ? body : {}), idempotencyKey: key },
    {
      customer: { id: user.id, role: "customer", locale: user.locale },
      channel: "api",
      meta: await currentRequestMeta(),
    },
  );
  return json(
    { id: filed.requestId, number: filed.number, trackingCode: filed.trackingCode },
    { status: 201 },
  );
});
