import type { z } from "zod";
import type { contractSchema } from "@/lib/api/schemas";
import type { ContractSummary } from "./queries";

/** A contract as the public API shows it (indexes as digit strings, times in ISO 8601). */
export function presentContract(c: ContractSummary): z.infer<typeof contractSchema> {
  return {
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
  };
}
