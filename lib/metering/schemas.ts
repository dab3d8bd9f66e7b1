import { z } from "zod";
import { printedCodeField } from "@/lib/validation/fields";

/** The registers a meter may have: one, or day/night/peak on multi-rate meters. */
export const REGISTER_NAMES = ["single", "day", "night", "peak"] as const;

/** A register's name. */
export type RegisterName = (typeof REGISTER_NAMES)[number];

// Generous for spaces and separators ("12 600", "١٢٬٦٠٠"), yet far below anything that could
// cost the parser time: the digit count itself is checked against the dials by parseIndex.
const INDEX_MAX_CHARS = 40;

/**
 * One submitted register. The index stays a string here: it may be typed in Arabic-Indic digits
 * with separators, and only the service knows the dial count parseIndex needs.
 */
export const registerReadingSchema = z.object({
  register: z.enum(REGISTER_NAMES, { error: "required" }),
  index: z.string({ error: "required" }).max(INDEX_MAX_CHARS, "tooManyDigits"),
});

/**
 * A self-reading from the portal, the public home page (guest) or the API: the contract, the
 * serial printed on the meter (the guest's proof, everyone's identity check), one index per
 * register, and optionally when it was read and a photo of the dials.
 */
export const readingSubmissionSchema = z.object({
  contractNo: printedCodeField,
  meterSerial: printedCodeField,
  readings: z
    .array(registerReadingSchema, { error: "required" })
    .min(1, "required")
    .max(REGISTER_NAMES.length, "tooLong")
    // Two indexes for one register would make one of them silently win.
    .refine((rs) => new Set(rs.map((r) => r.register)).size === rs.length, "duplicateRegister"),
  readAt: z.iso
    .datetime({ offset: true, error: "invalid" })
    .transform((s) => new Date(s))
    .optional(),
  photoFileId: z.uuid({ error: "invalid" }).optional(),
  /** The API's Idempotency-Key or a form's hidden token. */
  idempotencyKey: z.string().max(100, "tooLong").optional(),
});

/** A parsed self-reading submission. */
export type ReadingSubmission = z.infer<typeof readingSubmissionSchema>;
