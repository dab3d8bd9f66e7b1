// GET /api/v1/requests/{id} - a connection request's stage, deadline, documents and timeline, for its customer
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { requireRole } from "@/lib/auth/guards";
import { presentRequestStatus } from "@/lib/connections/present";
import { getRequestDetail } from "@/lib/connections/queries";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireRole("customer");
  const { id } = await params;
  const detail = await getRequestDetail(getDb(), {
    requestId: id,
    access: { customerId: user.id },
  });
  if (!detail) throw new AppError("NOT_FOUND");
  return json(presentRequestStatus(detail));
});
