import { z } from "zod";
import { REGISTRY_CATEGORIES } from "./schemas";

/** The mail registry's API as documented in /api/v1/openapi.json (lib/api/openapi.ts). */
export const letterRequestSchema = z
  .object({
    category: z.enum(REGISTRY_CATEGORIES),
    subject: z.string().max(200).meta({ example: "طلب نسخة من العقد" }),
    message: z.string().max(10_000).meta({ example: "المرجو موافاتي بنسخة من عقد الاشتراك." }),
    sender: z.object({
      name: z.string().meta({ example: "Fatima-Zahra El Amrani" }),
      nationalId: z.string().meta({ example: "AB123456" }),
      email: z.string().optional(),
      phone: z.string().optional(),
    }),
    contractNo: z.string().optional(),
    attachmentIds: z
      .array(z.uuid())
      .max(10)
      .optional()
      .meta({ description: "Files uploaded first with POST /api/v1/files (PDF, JPEG or PNG)" }),
    consent: z.literal(true).meta({ description: "Consent to the processing of personal data" }),
    proof: z
      .object({ challenge: z.string(), nonce: z.string() })
      .optional()
      .meta({ description: "Guests only: GET /api/v1/letters/challenge, then the nonce found" }),
  })
  .meta({ id: "LetterRequest" });

export const letterFiledSchema = z
  .object({
    registryNo: z.string().meta({ example: "ARR-2026-000123" }),
    trackingCode: z.string().meta({ example: "K7MZ4QPA" }),
    registeredAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    acknowledgementUrl: z.string(),
    trackUrl: z.string(),
  })
  .meta({ id: "LetterFiled" });

export const letterChallengeSchema = z
  .object({ challenge: z.string(), bits: z.number().int(), algorithm: z.string() })
  .meta({ id: "LetterChallenge" });
