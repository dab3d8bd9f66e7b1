// GET /api/v1/contracts - the signed-in customer's contracts, meters and last indexes
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { presentContract } from "@/lib/contracts/present";
import { listAccountContracts } from "@/lib/contracts/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = await requireUser();
  const contracts = await listAccountContracts(getDb(), { userId: user.id });
  return json({ contracts: contracts.map(presentContract) });
});
