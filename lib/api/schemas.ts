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

export const complaintRequestSchema = z
  .object({
    category: z.enum([
      "outage",
      "leak",
      "low_pressure",
      "damaged_meter",
      "bill_dispute",
      "payment_not_recorded",
      "wrong_name",
      "other",
    ]),
    contractNo: z.string().optional().meta({ example: "1000000101" }),
    description: z.string().meta({ example: "Fuite d'eau devant le compteur depuis ce matin" }),
    photoFileId: z.uuid().optional(),
    location: z.string().optional(),
    customerId: z.uuid().optional().meta({ description: "Staff only: the customer filed for" }),
    channel: z.enum(["phone", "counter", "email"]).optional().meta({ description: "Staff only" }),
  })
  .meta({ id: "ComplaintRequest" });

export const filedSchema = z
  .object({
    number: z.string().meta({ example: "RT-2026-000042" }),
    trackingCode: z.string().meta({ example: "K7MZ4QPA" }),
  })
  .meta({ id: "Filed" });

export const itemStatusSchema = z
  .object({
    number: z.string(),
    kind: z.string(),
    status: z.enum([
      "new",
      "in_progress",
      "waiting_customer",
      "waiting_internal",
      "resolved",
      "closed",
    ]),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    outcome: z
      .enum(["resolved", "partly_resolved", "not_our_responsibility", "rejected", "duplicate"])
      .optional(),
    timeline: z.array(
      z.object({ at: z.iso.datetime({ offset: true }), type: z.string(), text: z.string() }),
    ),
  })
  .meta({ id: "ItemStatus" });

export const readingRequestSchema = z
  .object({
    contractNo: z.string().meta({ example: "2000000101" }),
    meterSerial: z.string().meta({
      description: "Serial printed on the meter; a guest's proof",
      example: "EAU-2020-01187",
    }),
    readings: z
      .array(
        z.object({
          register: z.enum(["single", "day", "night", "peak"]),
          index: z.string().meta({
            description:
              "Whole number; Arabic-Indic digits, spaces and thousands separators are accepted",
            example: "12600",
          }),
        }),
      )
      .min(1)
      .max(4),
    readAt: z.iso.datetime({ offset: true }).optional().meta({ description: "Default: now" }),
    photoFileId: z.uuid().optional().meta({ description: "From POST /api/v1/files" }),
  })
  .meta({ id: "ReadingRequest" });

const FLAG_VALUES = [
  "rollover",
  "meter_replaced",
  "high",
  "low",
  "zero",
  "agent_reading_due",
] as const;

export const readingReceiptSchema = z
  .object({
    receiptNo: z.string().meta({ example: "RL-2026-000042" }),
    status: z.enum(["accepted", "review", "outside_window"]),
    consumption: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Since the previous counted reading, all registers together" }),
    flags: z.array(z.enum(FLAG_VALUES)),
    nextWindowOpens: z.iso
      .date()
      .optional()
      .meta({ description: "Outside the window: the local date the next window opens" }),
  })
  .meta({ id: "ReadingReceipt" });

export const readingHistorySchema = z
  .object({
    contractNo: z.string(),
    readings: z.array(
      z.object({
        meterSerial: z.string(),
        register: z.enum(["single", "day", "night", "peak"]),
        index: z.string().meta({ description: "Digits only, as a string", example: "12600" }),
        readAt: z.iso.datetime({ offset: true }),
        source: z.enum(["agent", "self", "estimated"]),
        status: z.enum(["accepted", "review", "outside_window", "rejected"]),
        consumption: z.number().int().nullable(),
        flags: z.array(z.string()),
        usedForBilling: z.boolean(),
        receiptNo: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ReadingHistory" });
