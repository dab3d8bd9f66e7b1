import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/actions/form-state";
import { REGISTER_NAMES, type RegisterName } from "./schemas";
import type { ReadingReceipt } from "./submit-reading";

/**
 * The reading form posts one field per register ("index_day"…); the service takes a list.
 * This turns one into the other, and maps the service's field errors back onto the inputs.
 */
export const readingFormSchema = z.object({
  contractNo: z.string().max(40, "tooLong"),
  meterSerial: z.string().max(40, "tooLong"),
  idempotencyKey: z.string().max(100, "tooLong").optional(),
  index_single: z.string().max(40, "tooManyDigits").optional(),
  index_day: z.string().max(40, "tooManyDigits").optional(),
  index_night: z.string().max(40, "tooManyDigits").optional(),
  index_peak: z.string().max(40, "tooManyDigits").optional(),
});
export type ReadingFormInput = z.infer<typeof readingFormSchema>;

export function readingsFromForm(
  input: ReadingFormInput,
): { register: RegisterName; index: string }[] {
  return REGISTER_NAMES.flatMap((register) => {
    const index = input[`index_${register}`];
    return index === undefined ? [] : [{ register, index }];
  });
}

/** "readings.1.index" → "index_night", given the order the registers were sent in. */
export function formFieldErrors(error: AppError, sent: { register: RegisterName }[]): AppError {
  if (!error.fields) return error;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(error.fields)) {
    const match = /^readings\.(\d+)\.index$/.exec(key);
    const register = match ? sent[Number(match[1])]?.register : undefined;
    fields[register ? `index_${register}` : key] = value;
  }
  return new AppError(error.code, error.message, fields);
}

/** A receipt as the reading forms' state: ReadingReceipt reads these values back. */
export function receiptFormState(receipt: ReadingReceipt): FormState {
  return {
    status: "ok",
    notice: receipt.status,
    values: {
      receiptNo: receipt.receiptNo,
      consumption: receipt.consumption === null ? "" : String(receipt.consumption),
      flags: receipt.flags.join(","),
      nextWindowOpens: receipt.nextWindowOpens ?? "",
    },
  };
}
