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

/** The cursor of the next page of a list, null on the last page (API.md: pagination). */
const nextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as ?cursor= for the next page; null on the last page" });

export const contractListSchema = z
  .object({ contracts: z.array(contractSchema), nextCursor })
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
    nextCursor,
  })
  .meta({ id: "ReadingHistory" });

const money = z
  .string()
  .meta({ description: "Decimal with the currency's digits", example: "413.36" });

export const billSummarySchema = z
  .object({
    id: z.uuid(),
    billNo: z.string().meta({ example: "FA-2026-000123" }),
    contractNo: z.string(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date().meta({ description: "Exclusive: the next period's start" }),
    total: money,
    amountDue: money,
    currency: z.string().meta({ example: "MAD" }),
    status: z.enum(["unpaid", "partly_paid", "paid", "overdue", "cancelled"]),
    dueDate: z.iso.date(),
    estimated: z.boolean(),
  })
  .meta({ id: "BillSummary" });

export const billListSchema = z
  .object({ bills: z.array(billSummarySchema), nextCursor })
  .meta({ id: "BillList" });

export const billLineSchema = z
  .object({
    label: z.string(),
    code: z.string(),
    kind: z.string(),
    service: z.enum(["electricity", "water", "sanitation"]),
    explanation: z.string().meta({ description: "Why this amount, in the caller's language" }),
    quantity: z.string(),
    unit: z.string(),
    unitPrice: z.string(),
    amount: money,
    taxRate: z.string().meta({ example: "0.2" }),
    tax: money,
    total: money,
    block: z.number().int().nullable(),
    tariffVersionId: z.uuid().nullable(),
  })
  .meta({ id: "BillLine" });

export const billDetailSchema = z
  .object({
    bill: billSummarySchema.extend({
      days: z.number().int(),
      consumption: z.string(),
      unit: z.string(),
      readingType: z.enum(["agent", "self", "estimated"]),
      previousIndex: z.string().nullable(),
      newIndex: z.string().nullable(),
      meterSwap: z
        .array(
          z.object({
            register: z.string(),
            oldMeterSerial: z.string().nullable(),
            oldPreviousIndex: z.string(),
            oldFinalIndex: z.string(),
            newInitialIndex: z.string(),
            newIndex: z.string(),
          }),
        )
        .meta({
          description:
            "A meter replaced during the period, per register: consumption is (oldFinalIndex − oldPreviousIndex) + (newIndex − newInitialIndex); empty otherwise",
        }),
      totalBeforeTax: money,
      tax: money,
      paid: money,
      paymentReference: z.string(),
      pdf: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
      lines: z.array(billLineSchema),
      changes: z.array(z.string()).meta({ description: "What changed since the previous bill" }),
    }),
  })
  .meta({ id: "BillDetail" });

export const tariffListSchema = z
  .object({
    tariffs: z.array(
      z.object({
        code: z.string().meta({ example: "MA-ELEC-RES" }),
        service: z.enum(["electricity", "water", "sanitation"]),
        category: z.string(),
        territory: z.string(),
        currency: z.string(),
        name: z.string(),
        effectiveFrom: z.iso.date(),
      }),
    ),
  })
  .meta({ id: "TariffList" });

export const simulateRequestSchema = z
  .object({
    tariffCode: z.string().meta({ example: "MA-ELEC-RES" }),
    consumption: z.union([z.string(), z.number()]).meta({
      description: "kWh or m³; a string lets Arabic-Indic digits through",
      example: "151",
    }),
    periodStart: z.iso.date().optional().meta({ description: "Default: today" }),
    periodEnd: z.iso.date().optional().meta({ description: "Exclusive; default: 30 days later" }),
  })
  .meta({ id: "SimulateRequest" });

export const simulateResponseSchema = z
  .object({
    tariffCode: z.string(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    days: z.number().int(),
    consumption: z.string(),
    unit: z.string(),
    mode: z.enum(["progressive", "selective"]),
    trancheReached: z.number().int(),
    lines: z.array(
      z.object({
        label: z.string(),
        code: z.string(),
        explanation: z.string(),
        quantity: z.string(),
        unitPrice: z.string(),
        amount: money,
        taxRate: z.string(),
        tax: money,
        total: money,
      }),
    ),
    totalBeforeTax: money,
    tax: money,
    total: money,
    currency: z.string(),
  })
  .meta({ id: "SimulateResponse" });

export const checkoutRequestDocSchema = z
  .object({
    billIds: z
      .array(z.uuid())
      .min(1)
      .max(50)
      .meta({ description: "Bills of one contract, from GET /api/v1/bills; paid oldest first" }),
    amount: z.string().optional().meta({
      description:
        "Another amount than the sum due (at least 1.00, at most the sum due + 10000.00; the rest is a credit). Arabic-Indic digits accepted",
      example: "150.00",
    }),
  })
  .meta({ id: "CheckoutRequest" });

export const checkoutResponseSchema = z
  .object({
    paymentId: z.uuid(),
    url: z.string().meta({
      description:
        "Where to send the payer: Stripe Checkout, or the built-in test provider's page when Stripe is not configured",
    }),
  })
  .meta({ id: "Checkout" });

export const partnerBillsSchema = z
  .object({
    contractNo: z.string().meta({ example: "1000000101" }),
    bills: z.array(
      z.object({
        billNo: z.string().meta({ example: "FA-2026-000123" }),
        amountDue: money,
        currency: z.string().meta({ example: "MAD" }),
        dueDate: z.iso.date(),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "PartnerBills" });

export const partnerPaymentRequestSchema = z
  .object({
    billNo: z
      .string()
      .meta({ description: "From GET /api/v1/partner/bills", example: "FA-2026-000123" }),
    amount: z.string().meta({
      description:
        "What the payer paid, as a decimal string with at most the currency's decimals; more than the amount due becomes a credit on the contract",
      example: "413.36",
    }),
    currency: z.string().meta({ description: "The bill's currency", example: "MAD" }),
    partnerRef: z.string().meta({
      description:
        "Your own reference of the payment (1–64 printable ASCII characters). Sending it again returns the same paymentId and records nothing",
      example: "BK-20261122-0042",
    }),
    paidAt: z.iso
      .datetime({ offset: true })
      .meta({ description: "When you took the money", example: "2026-11-22T10:15:00+01:00" }),
  })
  .meta({ id: "PartnerPaymentRequest" });

export const partnerPaymentResponseSchema = z
  .object({ paymentId: z.uuid() })
  .meta({ id: "PartnerPayment" });

export const connectionRequestDocSchema = z
  .object({
    typeCode: z.string().meta({
      example: "connection",
      description: "connection, subscription, termination, or a type admins added",
    }),
    service: z.enum(["water", "electricity", "sanitation"]),
    applicant: z.object({
      name: z.string().meta({ example: "Youssef Alaoui" }),
      nationalId: z.string().meta({ example: "AB123456" }),
      phone: z.string().meta({ example: "0661234567" }),
      email: z.email(),
    }),
    premises: z.object({
      addressLine: z.string(),
      city: z.string(),
      latitude: z.string().optional().meta({ example: "33.2316" }),
      longitude: z.string().optional().meta({ example: "-8.5007" }),
      use: z.enum(["domestic", "professional"]),
    }),
    detail: z.string().optional().meta({
      description: "Subscribed power in kVA (electricity) or meter calibre in mm (water)",
    }),
    occupancy: z.enum(["owner", "tenant"]).optional(),
    contractNo: z.string().optional().meta({ description: "Termination: the contract to end" }),
    terminationReason: z.enum(["move", "sale"]).optional(),
    documents: z
      .record(z.string(), z.uuid())
      .meta({ description: "Document code → fileId from POST /api/v1/requests/documents" }),
  })
  .meta({ id: "ConnectionRequest" });

export const connectionFiledSchema = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ example: "BR-2026-000012" }),
    trackingCode: z.string(),
  })
  .meta({ id: "ConnectionFiled" });

export const uploadedDocumentSchema = z
  .object({
    fileId: z.uuid(),
    mime: z.enum(["application/pdf", "image/jpeg", "image/png"]),
    size: z.number().int(),
  })
  .meta({ id: "UploadedDocument" });

export const connectionStatusSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.string(),
    stage: z.string(),
    status: z.enum([
      "new",
      "in_progress",
      "waiting_customer",
      "waiting_internal",
      "resolved",
      "closed",
    ]),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    visit: z.object({ date: z.iso.date(), slot: z.string().nullable() }).nullable(),
    quote: z
      .object({
        number: z.string(),
        status: z.enum(["issued", "paid", "cancelled"]),
        total: z.string().meta({ example: "3570.00" }),
        currency: z.string(),
        lines: z.array(z.object({ kind: z.string(), amount: z.string() })),
      })
      .nullable(),
    contractNo: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    documents: z.array(
      z.object({ code: z.string(), status: z.string(), name: z.string().nullable() }),
    ),
    timeline: z.array(
      z.object({
        at: z.iso.datetime({ offset: true }),
        stage: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ConnectionStatus" });
