/**
 * Form schemas of the connection request types and the price list, as administrators edit
 * them. Each failure names a message key under `connectionsAdmin.errors`. What needs the
 * database (is the code free? the prefix? the price line?) is checked by ./types.ts and
 * ./prices.ts.
 */
import { z } from "zod";
import { quoteLineKindEnum } from "@/db/schema";
import { parseWholeNumber } from "@/lib/i18n/digits";
import { requiredText } from "@/lib/validation/fields";
import { kindCodeField, numberPrefixField } from "@/lib/workflow/admin-schemas";
import { SERVICES, USES } from "../schemas";
import { KNOWN_DOCUMENTS, knownDocument } from "./documents";

export const FAMILIES = ["connection", "subscription", "termination"] as const;
export const DOCUMENT_CHOICES = ["", "optional", "required"] as const;
/** A year: no decision or completion deadline is longer. */
export const DAYS_MAX = 365;

/**
 * A type's name in one language. Markup is not a name: it would show as tags on the
 * acknowledgement PDF and in e-mails, so it is refused rather than stored.
 */
const nameField = requiredText(120).refine((s) => !/[<>]/.test(s), "markup");

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")], { error: "invalid" })
  .optional()
  .transform((v) => v !== undefined);

/** Whole days, 1 to a year, typed in any digits. */
const daysField = z
  .string({ error: "daysInvalid" })
  .max(20, "daysInvalid")
  .transform((s, ctx) => {
    if (!s.trim()) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const digits = parseWholeNumber(s);
    if (digits === null || Number(digits) < 1) {
      ctx.addIssue({ code: "custom", message: "daysInvalid" });
      return z.NEVER;
    }
    if (digits.length > 3 || Number(digits) > DAYS_MAX) {
      ctx.addIssue({ code: "custom", message: "daysTooLarge" });
      return z.NEVER;
    }
    return Number(digits);
  });

export function serviceFieldName(service: string): string {
  return `service_${service}`;
}

/** The fields an admin may change on an existing type (code, prefix and family stay). */
const editableShape = {
  nameAr: nameField,
  nameFr: nameField,
  nameEn: nameField,
  needsContract: checkbox,
  decisionDays: daysField,
  completionDays: daysField,
};

type RawForm = Record<string, unknown>;
type TypeSettings = {
  services: (typeof SERVICES)[number][];
  documents: { code: string; nameAr: string; nameFr: string; nameEn: string; required: boolean }[];
};

/**
 * Services (one checkbox each) and documents (one select each) from the flat form. A document
 * field the catalogue does not know is refused, not ignored: a forged form must not add a
 * document nobody can name.
 */
function settingsOf(raw: RawForm, ctx: z.RefinementCtx): TypeSettings {
  const services = SERVICES.filter((s) => raw[serviceFieldName(s)] !== undefined);
  for (const s of SERVICES) {
    const v = raw[serviceFieldName(s)];
    if (v !== undefined && v !== "on" && v !== "true" && v !== "1")
      ctx.addIssue({ code: "custom", path: [serviceFieldName(s)], message: "invalid" });
  }
  if (!services.length) ctx.addIssue({ code: "custom", path: ["services"], message: "noService" });
  const documents: TypeSettings["documents"] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("doc_")) continue;
    const code = key.slice(4);
    const known = knownDocument(code);
    if (!known) {
      ctx.addIssue({ code: "custom", path: ["documents"], message: "documentUnknown" });
      continue;
    }
    if (typeof value !== "string" || !(DOCUMENT_CHOICES as readonly string[]).includes(value)) {
      ctx.addIssue({ code: "custom", path: [key], message: "invalid" });
      continue;
    }
    if (value) documents.push({ ...known, required: value === "required" });
  }
  // The catalogue's order, whatever order the form sent them in.
  documents.sort(
    (a, b) =>
      KNOWN_DOCUMENTS.findIndex((d) => d.code === a.code) -
      KNOWN_DOCUMENTS.findIndex((d) => d.code === b.code),
  );
  return { services, documents };
}

/** Parse the flat form: the fixed fields by shape, services and documents by settingsOf. */
function withSettings<S extends z.ZodRawShape>(shape: S) {
  const fixed = z.object(shape);
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const parsed = fixed.safeParse(raw);
    const settings = settingsOf(raw, ctx);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
      return z.NEVER;
    }
    return { ...parsed.data, ...settings };
  });
}

/** A new type: meter relocation, change of holder, change of subscribed power… */
export const createTypeSchema = withSettings({
  code: kindCodeField,
  numberPrefix: numberPrefixField,
  family: z.enum(FAMILIES, { error: "invalid" }),
  ...editableShape,
});
export type CreateTypeInput = z.infer<typeof createTypeSchema>;

export const updateTypeSchema = withSettings({ code: kindCodeField, ...editableShape });
export type UpdateTypeInput = z.infer<typeof updateTypeSchema>;

export const toggleTypeSchema = z.object({
  code: kindCodeField,
  active: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
});

/** An amount as typed; parsed in the price list's currency by ./prices.ts. */
const amountText = z.string({ error: "amountRequired" }).max(40, "amountInvalid");

export const createPriceSchema = z.object({
  /** "" = the line applies to every type; a type's code = to that type only. */
  typeCode: z
    .union([z.literal(""), kindCodeField], { error: "invalid" })
    .optional()
    .transform((v) => (v ? v : null)),
  service: z.enum(SERVICES, { error: "invalid" }),
  use: z.enum(USES, { error: "invalid" }),
  kind: z.enum(quoteLineKindEnum.enumValues, { error: "invalid" }),
  amount: amountText,
});
export type CreatePriceInput = z.infer<typeof createPriceSchema>;

export const updatePriceSchema = z.object({
  priceId: z.uuid({ error: "invalid" }),
  amount: amountText,
});
export type UpdatePriceInput = z.infer<typeof updatePriceSchema>;

export const togglePriceSchema = z.object({
  priceId: z.uuid({ error: "invalid" }),
  active: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
});
