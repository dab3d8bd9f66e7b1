import { z } from "zod";
import { toAsciiDigits } from "@/lib/i18n/digits";
import {
  emailField,
  nationalIdField,
  optionalText,
  personNameField,
  printedCodeField,
  requiredText,
} from "@/lib/validation/fields";

/**
 * The one schema of a connection, subscription or termination request: the browser's form
 * (react-hook-form + zodResolver) and the server (action and API) parse with it. Failures are
 * message keys under `validation.`, so both sides show the same words in the reader's language.
 */
export const SERVICES = ["water", "electricity", "sanitation"] as const;
export const USES = ["domestic", "professional"] as const;
export const OCCUPANCIES = ["owner", "tenant"] as const;
export const TERMINATION_REASONS = ["move", "sale"] as const;
/** Subscribed powers (kVA) and meter calibres (mm) the utility installs. */
export const POWERS = ["3", "6", "9", "12", "18", "36"] as const;
export const CALIBRES = ["15", "20", "25", "30", "40"] as const;

/** A coordinate typed or taken from the phone: optional, decimal degrees within its range. */
function coordinate(limit: number) {
  return z
    .string({ error: "invalid" })
    .trim()
    .max(20, "tooLong")
    .transform((s) => toAsciiDigits(s).replace(",", "."))
    .refine(
      (s) => s === "" || (/^-?\d{1,3}(\.\d{1,8})?$/.test(s) && Math.abs(Number(s)) <= limit),
      "gpsInvalid",
    )
    .transform((s) => (s ? s : undefined))
    .optional();
}

const requiredPhone = z
  .string({ error: "required" })
  .trim()
  .max(32, "tooLong")
  .transform((s) => toAsciiDigits(s).replace(/[\s.-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^\+?\d{6,15}$/, "phoneInvalid"),
  );

export const applicantSchema = z.object({
  name: personNameField,
  nationalId: nationalIdField,
  phone: requiredPhone,
  email: emailField,
});

export const premisesSchema = z.object({
  addressLine: requiredText(200),
  city: requiredText(80),
  latitude: coordinate(90),
  longitude: coordinate(180),
  use: z.enum(USES, { error: "required" }),
});

const fileId = z.uuid({ error: "documentMissing" });

export const connectionRequestSchema = z
  .object({
    typeCode: z.string({ error: "required" }).regex(/^[a-z][a-z0-9_]{1,39}$/, "invalid"),
    service: z.enum(SERVICES, { error: "required" }),
    applicant: applicantSchema,
    premises: premisesSchema,
    /** Subscribed power for electricity, meter calibre for water; none for sanitation. */
    detail: z
      .string({ error: "invalid" })
      .transform((s) => toAsciiDigits(s).trim())
      .optional(),
    occupancy: z.enum(OCCUPANCIES, { error: "required" }).optional(),
    contractNo: printedCodeField.optional().or(z.literal("").transform(() => undefined)),
    terminationReason: z.enum(TERMINATION_REASONS, { error: "required" }).optional(),
    /** Document code → uploaded file id. Which codes are required depends on the type. */
    documents: z.record(z.string().regex(/^[a-z_]{2,40}$/), fileId).default({}),
    idempotencyKey: z.string().max(100, "tooLong").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.service === "electricity" && !POWERS.includes(v.detail as (typeof POWERS)[number]))
      ctx.addIssue({ code: "custom", path: ["detail"], message: "required" });
    if (v.service === "water" && !CALIBRES.includes(v.detail as (typeof CALIBRES)[number]))
      ctx.addIssue({ code: "custom", path: ["detail"], message: "required" });
  });

export type ConnectionRequestInput = z.infer<typeof connectionRequestSchema>;
/** What the form holds before parsing (react-hook-form's field values). */
export type ConnectionRequestForm = z.input<typeof connectionRequestSchema>;

/** The rules that depend on the configured type: documents it needs, contract for termination. */
export function checkAgainstType(
  input: ConnectionRequestInput,
  type: {
    family: string;
    needsContract: boolean;
    services: string[];
    documents: { code: string; required: boolean }[];
  },
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!type.services.includes(input.service)) fields.service = "invalid";
  for (const d of type.documents)
    if (d.required && !input.documents[d.code]) fields[`documents.${d.code}`] = "documentMissing";
  for (const code of Object.keys(input.documents))
    if (!type.documents.some((d) => d.code === code)) fields[`documents.${code}`] = "invalid";
  if (type.needsContract && !input.contractNo) fields.contractNo = "required";
  if (type.family === "subscription" && !input.occupancy) fields.occupancy = "required";
  if (type.family === "termination" && !input.terminationReason)
    fields.terminationReason = "required";
  return fields;
}

// The back office's forms.
export const missingDocumentsSchema = z.object({
  documents: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z_]{2,40}$/, "invalid"),
        status: z.enum(["missing", "unreadable"]),
      }),
    )
    .min(1, "documentMissing")
    .max(20),
  note: optionalText(1000),
});

export const scheduleVisitSchema = z.object({
  date: z.iso.date({ error: "required" }),
  slot: z.enum(["morning", "afternoon"], { error: "required" }),
});

export const reasonSchema = z.object({ reason: requiredText(1000) });

export const quoteSchema = z.object({
  lines: z
    .array(
      z.object({
        kind: z.enum(["connection_works", "meter", "contract_fee", "deposit", "stamp_duty"]),
        amount: z
          .string({ error: "required" })
          .transform((s) => toAsciiDigits(s).trim().replace(",", "."))
          .pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, "amountInvalid")),
      }),
    )
    .min(1, "required")
    .max(5),
});

export const meterSchema = z.object({
  // Kept as printed on the meter (dashes and all): lookups compare the canonical form.
  serial: requiredText(40)
    .transform((s) => toAsciiDigits(s).toUpperCase())
    .refine((s) => /^[A-Z0-9][A-Z0-9 ._/-]*$/.test(s), "invalid"),
  initialIndex: z
    .string({ error: "required" })
    .transform((s) => toAsciiDigits(s).trim())
    .pipe(z.string().regex(/^\d{1,9}$/, "notWholeNumber")),
});

export const finalReadingSchema = z.object({
  index: z
    .string({ error: "required" })
    .transform((s) => toAsciiDigits(s).trim())
    .pipe(z.string().regex(/^\d{1,9}$/, "notWholeNumber")),
  source: z.enum(["self", "agent"]),
});
