// GET /api/v1/contracts - the signed-in customer's contracts, meters and last indexes
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { listAccountContracts } from "@/lib/contracts/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = await requireUser();
  const contracts = await listAccountContracts(getDb(), { userId: user.id });
  return json({
    contracts: contracts.map((c) => ({
      id: c.id,
      contractNo: c.contractNo,
      service: c.service,
      status: c.status,
      address: `${c.premise.addressLine}, ${c.premise.city}`,
      meters: c.meters.map((m) => ({
        serial: m.serial,
        dials: m.dials,
        registers: m.registers.map((r) => ({
          name: r.name,
          lastIndex: r.lastIndex === null ? null : String(r.lastIndex),
          lastReadAt: r.lastReadAt?.toISOString() ?? null,
        })),
      })),
    })),
  });
});
