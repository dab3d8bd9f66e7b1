import { z } from "zod";
import {
  emailField,
  nationalIdField,
  optionalText,
  personNameField,
  phoneField,
  printedCodeField,
  requiredText,
} from "@/lib/validation/fields";

export const REGISTRY_CATEGORIES = [
  "request",
  "inquiry",
  "complaint",
  "suggestion",
  "other",
] as const;
export type RegistryCategory = (typeof REGISTRY_CATEGORIES)[number];

/** Channels a registry clerk registers by hand (the web has its own form). */
export const MANUAL_CHANNELS = ["counter", "post", "email", "partner"] as const;

export const SUBJECT_MAX = 200;
/** A long letter fits; a pasted book does not (the form and the API say so plainly). */
export const MESSAGE_MAX = 10_000;
export const MAX_ATTACHMENTS = 10;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The letter itself: kept exactly as typed (markup is shown as text, never interpreted). */
const messageField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(MESSAGE_MAX, "messageTooLong")
  .refine((s) => !CONTROL.test(s), "invalid");

const optionalEmail = z.union([z.literal("").transform(() => undefined), emailField]).optional();

const optionalContract = printedCodeField.optional().or(z.literal("").transform(() => undefined));

/** A form checkbox ("on") or the API's `true`. */
const consentField = z
  .any()
  .refine((v) => v === "on" || v === true || v === "true", "consentRequired")
  .transform(() => true as const);

const senderShape = {
  senderName: personNameField,
  nationalId: nationalIdField,
  email: optionalEmail,
  phone: phoneField,
  contractNo: optionalContract,
};

const letterShape = {
  category: z.enum(REGISTRY_CATEGORIES, { error: "required" }),
  subject: requiredText(SUBJECT_MAX),
  message: messageField,
};

/** Phone and/or e-mail: the office must be able to answer. */
function withContact<T extends z.ZodType<{ email?: string; phone?: string }>>(schema: T) {
  return schema.refine((v) => !!v.email || !!v.phone, {
    message: "contactRequired",
    path: ["email"],
  });
}

/** The public deposit form (signed in or not). Attachments arrive beside it as files. */
export const depositSchema = withContact(
  z.object({
    ...senderShape,
    ...letterShape,
    consent: consentField,
    /** The form's hidden token: a double click or a retry files once. */
    idempotencyKey: z.string().max(100, "tooLong").optional(),
    /** Proof of work for a guest (lib/registry/proof-of-work.ts). */
    challenge: z.string().max(300, "invalid").optional(),
    nonce: z.string().max(40, "invalid").optional(),
  }),
);
export type DepositInput = z.infer<typeof depositSchema>;

/** POST /api/v1/letters: the same letter as JSON, attachments uploaded first to /api/v1/files. */
export const apiLetterSchema = z
  .object({
    ...letterShape,
    sender: z.object({
      name: personNameField,
      nationalId: nationalIdField,
      email: optionalEmail,
      phone: phoneField,
    }),
    contractNo: optionalContract,
    attachmentIds: z
      .array(z.uuid({ error: "invalid" }))
      .max(MAX_ATTACHMENTS, "tooManyAttachments")
      .optional(),
    consent: consentField,
    proof: z.object({ challenge: z.string().max(300), nonce: z.string().max(40) }).optional(),
  })
  .refine((v) => !!v.sender.email || !!v.sender.phone, {
    message: "contactRequired",
    path: ["sender", "email"],
  });
export type ApiLetterInput = z.infer<typeof apiLetterSchema>;

/** A registry clerk registering paper, counter or e-mailed mail by hand. */
export const manualRegistrationSchema = withContact(
  z.object({
    channel: z.enum(MANUAL_CHANNELS, { error: "required" }),
    senderName: personNameField,
    nationalId: nationalIdField.optional().or(z.literal("").transform(() => undefined)),
    email: optionalEmail,
    phone: phoneField,
    contractNo: optionalContract,
    ...letterShape,
    idempotencyKey: z.string().max(100, "tooLong").optional(),
  }),
);
export type ManualRegistrationInput = z.infer<typeof manualRegistrationSchema>;

/** Distribution: one lead department, optional copies (form checkboxes arrive as a list). */
export const distributeSchema = z.object({
  entryId: z.uuid({ error: "invalid" }),
  lead: z.string({ error: "required" }).min(1, "required").max(60),
  copies: z.array(z.string().max(60)).max(20).default([]),
  note: optionalText(2000),
});

export const annotationSchema = z.object({
  entryId: z.uuid({ error: "invalid" }),
  body: requiredText(2000),
});

export const draftReplySchema = z.object({
  itemId: z.uuid({ error: "invalid" }),
  locale: z.enum(["ar", "fr"], { error: "required" }),
  subject: requiredText(SUBJECT_MAX),
  body: messageField,
});

export const replyDecisionSchema = z.object({ replyId: z.uuid({ error: "invalid" }) });

/** The register's search: every filter optional; dates as yyyy-mm-dd in the utility's zone. */
export const registerFiltersSchema = z.object({
  direction: z.enum(["incoming", "outgoing"]).catch("incoming"),
  q: optionalText(100).catch(undefined),
  number: optionalText(40).catch(undefined),
  sender: optionalText(120).catch(undefined),
  subject: optionalText(200).catch(undefined),
  status: z
    .enum(["new", "in_progress", "waiting_customer", "waiting_internal", "resolved", "closed"])
    .optional()
    .catch(undefined),
  department: optionalText(60).catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type RegisterFilters = z.infer<typeof registerFiltersSchema>;
