import { z } from "zod";
import { LIMITS, optionalText, requiredText } from "@/lib/validation/fields";

export const ITEM_TEXT_MAX = 5000;

export const itemIdSchema = z.object({ itemId: z.uuid({ error: "invalid" }) });
export const messageSchema = itemIdSchema.extend({ body: requiredText(ITEM_TEXT_MAX) });
export const transferSchema = itemIdSchema.extend({
  departmentCode: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(LIMITS.code, "tooLong"),
  reason: requiredText(1000),
});
export const OUTCOMES = [
  "resolved",
  "partly_resolved",
  "not_our_responsibility",
  "rejected",
] as const;
export const resolveSchema = itemIdSchema
  .extend({
    outcome: z.enum(OUTCOMES, { error: "invalid" }),
    note: optionalText(ITEM_TEXT_MAX),
    /** Where to turn instead, for "not our responsibility"; the reason, for "rejected". */
    redirect: optionalText(1000),
  })
  .refine(
    (v) =>
      !(v.outcome === "not_our_responsibility" || v.outcome === "rejected") ||
      !!v.redirect ||
      !!v.note,
    {
      message: "reasonRequired",
      path: ["note"],
    },
  );
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const prioritySchema = itemIdSchema.extend({
  priority: z.enum(PRIORITIES, { error: "invalid" }),
});
export const reassignSchema = z.object({
  itemIds: z
    .array(z.uuid({ error: "invalid" }))
    .min(1, "required")
    .max(200, "tooLong"),
  assigneeId: z.uuid({ error: "invalid" }),
});
export const delaySchema = itemIdSchema.extend({
  reason: requiredText(1000),
  newDueAt: z.coerce.date({ error: "invalid" }),
});
export const ratingSchema = z.object({
  quality: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(5, "invalid"),
  speed: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(5, "invalid"),
  comment: optionalText(2000),
});
export const customerReplySchema = z.object({
  number: z.string().max(40, "tooLong"),
  body: requiredText(ITEM_TEXT_MAX),
});
