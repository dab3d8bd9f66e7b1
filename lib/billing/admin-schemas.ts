import { z } from "zod";

/**
 * The billing back office's forms, one schema each, parsed by their server actions. Message
 * keys, not sentences: the forms translate them under billingAdmin.errors.
 */

const uuid = z.uuid("invalid");
const date = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, "invalid");

/**
 * A new draft version: its date, an optional note and the definition. The structured fields
 * of the editor (blocks.0.price, vat.consumption…) are read by definitionFromForm; the rest of
 * the definition comes from the advanced JSON field, prefilled with the version in force.
 */
export const createTariffDraftSchema = z.looseObject({
  tariffId: uuid,
  effectiveFrom: date,
  note: z.string().trim().max(500, "tooLong").optional(),
  definitionJson: z.string().min(2, "required").max(50_000, "tooLong"),
});
export type CreateTariffDraftInput = z.infer<typeof createTariffDraftSchema>;

export const publishTariffVersionSchema = z.object({ versionId: uuid });
export const deleteTariffDraftSchema = z.object({ versionId: uuid });

/** A run for a cycle (the month input's YYYY-MM) and optionally one zone. */
export const startBillingRunSchema = z.object({
  cycle: z
    .string({ error: "required" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalid")
    .transform((m) => `${m}-01`),
  zone: z
    .string()
    .trim()
    .max(40, "tooLong")
    .optional()
    .transform((z) => z || null),
});
export type StartBillingRunInput = z.infer<typeof startBillingRunSchema>;

export const resumeBillingRunSchema = z.object({ runId: uuid });

/** Cancel and reissue: the reason is mandatory and shown on the audit trail. */
export const cancelReissueSchema = z.object({
  billId: uuid,
  reason: z.string({ error: "required" }).trim().min(5, "reasonTooShort").max(500, "tooLong"),
});
export type CancelReissueInput = z.infer<typeof cancelReissueSchema>;
