import { z } from "zod";

/**
 * Response shapes of the public API. The OpenAPI document is generated from these, and the
 * API tests parse real responses with them, so the document cannot drift from the code.
 */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "NOT_FOUND" }),
      message: z.string().meta({ example: "Not found." }),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });

export const healthSchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });

export const registerSchema = z
  .object({
    name: z.enum(["single", "day", "night", "peak"]),
    lastIndex: z
      .string()
      .nullable()
      .meta({ description: "Digits only, as a string", example: "12345" }),
    lastReadAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "Register" });

export const contractSchema = z
  .object({
    id: z.uuid(),
    contractNo: z.string().meta({ example: "1000000101" }),
    service: z.enum(["electricity", "water", "sanitation"]),
    status: z.enum(["active", "pending", "terminated"]),
    address: z.string(),
    meters: z.array(
      z.object({ serial: z.string(), dials: z.int(), registers: z.array(registerSchema) }),
    ),
  })
  .meta({ id: "Contract" });

export const contractListSchema = z
  .object({ contracts: z.array(contractSchema) })
  .meta({ id: "ContractList" });

export const contractResponseSchema = z
  .object({ contract: contractSchema })
  .meta({ id: "ContractResponse" });
