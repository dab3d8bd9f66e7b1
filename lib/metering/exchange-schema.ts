import { z } from "zod";
import { parseWholeNumber, toAsciiDigits } from "@/lib/i18n/digits";
import { LIMITS, printedCodeField } from "@/lib/validation/fields";
import { MAX_DIALS } from "./parse-index";
import { REGISTER_NAMES, type RegisterName } from "./schemas";

/**
 * The meter exchange form, checked by react-hook-form in the browser and parsed again by the
 * server action (lib/metering/meter-exchange.ts takes its output). Like the reading form, one
 * field per register ("final_day", "initial_day"); indexes stay strings here because only the
 * service knows the old meter's dial count, and parseIndex accepts Arabic-Indic digits.
 */
const index = z.string({ error: "required" }).max(40, "tooManyDigits").optional();

export const meterExchangeSchema = z.object({
  contractNo: printedCodeField,
  /** The meter the clerk saw as current: refused if another swap replaced it meanwhile. */
  oldMeterId: z.uuid({ error: "invalid" }),
  /** Local date of the swap (the date input's YYYY-MM-DD), in the utility's time zone. */
  exchangedOn: z
    .string({ error: "required" })
    .transform((s) => toAsciiDigits(s).trim())
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
        .refine((s) => {
          const d = new Date(`${s}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
        }, "invalidDate"),
    ),
  /** Printed on the new meter; stored as typed (upper case, ASCII digits), compared canonically. */
  newSerial: z
    .string({ error: "required" })
    .max(LIMITS.code, "tooLong")
    .transform((s) => toAsciiDigits(s).trim().toUpperCase())
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^[A-Z0-9][A-Z0-9 _./-]*$/, "invalid"),
    ),
  newDials: z
    .string({ error: "required" })
    .max(4, "invalid")
    .transform((s) => parseWholeNumber(s))
    .pipe(
      z
        .string({ error: "invalid" })
        .transform(Number)
        .pipe(z.number().int().min(1, "invalid").max(MAX_DIALS, "invalid")),
    ),
  final_single: index,
  final_day: index,
  final_night: index,
  final_peak: index,
  initial_single: index,
  initial_day: index,
  initial_night: index,
  initial_peak: index,
});

export type MeterExchangeForm = z.input<typeof meterExchangeSchema>;
export type MeterExchangeInput = z.output<typeof meterExchangeSchema>;

/** The figures typed for one register, as the form sent them (raw strings, maybe missing). */
export function exchangeFigures(
  input: MeterExchangeInput,
  register: RegisterName,
): { final: string | undefined; initial: string | undefined } {
  return { final: input[`final_${register}`], initial: input[`initial_${register}`] };
}

export { REGISTER_NAMES };
