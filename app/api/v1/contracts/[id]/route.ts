// GET /api/v1/contracts/{id} - one of the signed-in customer's contracts (anyone else's: 404)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { presentContract } from "@/lib/contracts/present";
import { getAccountContract } from "@/lib/contracts/queries";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const contract = await getAccountContract(getDb(), { userId: user.id, contractId: id });
  if (!contract) throw new AppError("NOT_FOUND");
  return json({ contract: presentContract(contract) });
});
