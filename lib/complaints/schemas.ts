import { z } from "zod";
import { optionalText, printedCodeField, requiredText } from "@/lib/validation/fields";

export const TECHNICAL = ["outage", "leak", "low_pressure", "damaged_meter"] as const;
export const COMMERCIAL = ["bill_dispute", "payment_not_recorded", "wrong_name"] as const;
export const COMPLAINT_CATEGORIES = [...TECHNICAL, ...COMMERCIAL, "other"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const DESCRIPTION_MAX = 4000;

/** A complaint from the portal or the API (the signed-in customer is the complainant). */
export const complaintSchema = z.object({
  category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }),
  contractNo: printedCodeField.optional().or(z.literal("").transform(() => undefined)),
  description: requiredText(DESCRIPTION_MAX).refine((s) => s.length >= 10, "descriptionTooShort"),
  photoFileId: z
    .uuid({ error: "invalid" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  location: optionalText(300),
  /** A form's hidden token or the API's Idempotency-Key. */
  idempotencyKey: z.string().max(100, "tooLong").optional(),
});
export type ComplaintInput = z.infer<typeof complaintSchema>;

/** A clerk filing for a customer who called or came to the counter. */
export const staffComplaintSchema = complaintSchema.extend({
  channel: z.enum(["phone", "counter", "email"], { error: "required" }),
  contractNo: printedCodeField,
  callerName: optionalText(120),
  callerPhone: optionalText(32),
});
export type StaffComplaintInput = z.infer<typeof staffComplaintSchema>;
