"use server";

import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { isAppError, parseOrThrow } from "@/lib/errors";
import {
  formFieldErrors,
  readingFormSchema,
  readingsFromForm,
  receiptFormState,
} from "@/lib/metering/form";
import { readingSubmissionSchema } from "@/lib/metering/schemas";
import { submitReading } from "@/lib/metering/submit-reading";

/** A guest's reading from the home page: the meter serial is the proof (throttled). */
export const guestReadingAction = publicAction({
  schema: readingFormSchema,
  handler: async (form, { meta, locale }) => {
    const readings = readingsFromForm(form);
    const input = parseOrThrow(readingSubmissionSchema, {
      contractNo: form.contractNo,
      meterSerial: form.meterSerial,
      readings,
      idempotencyKey: form.idempotencyKey,
    });
    try {
      const receipt = await submitReading(getDb(), input, { guest: { ip: meta.ip }, locale }, meta);
      return receiptFormState(receipt);
    } catch (error) {
      throw isAppError(error) ? formFieldErrors(error, readings) : error;
    }
  },
});
