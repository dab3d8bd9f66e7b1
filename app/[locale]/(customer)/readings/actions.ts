"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { isAppError, parseOrThrow } from "@/lib/errors";
import { uploadPhotoField } from "@/lib/files/upload-file";
import {
  formFieldErrors,
  readingFormSchema,
  readingsFromForm,
  receiptFormState,
} from "@/lib/metering/form";
import { readingSubmissionSchema } from "@/lib/metering/schemas";
import { submitReading } from "@/lib/metering/submit-reading";
import { z } from "zod";

/** A signed-in customer's reading: the same service as the API, the answer as a receipt. */
export const submitReadingAction = userAction({
  roles: ["customer"],
  schema: readingFormSchema.extend({ photo: z.unknown().optional() }),
  handler: async ({ photo, ...form }, { user, meta, locale }) => {
    const db = getDb();
    const readings = readingsFromForm(form);
    const photoFileId = await uploadPhotoField(db, photo, { userId: user.id });
    const input = parseOrThrow(readingSubmissionSchema, {
      contractNo: form.contractNo,
      meterSerial: form.meterSerial,
      readings,
      photoFileId,
      idempotencyKey: form.idempotencyKey,
    });
    try {
      const receipt = await submitReading(db, input, { userId: user.id, locale }, meta);
      revalidatePath(`/${locale}/contracts`);
      return receiptFormState(receipt);
    } catch (error) {
      throw isAppError(error) ? formFieldErrors(error, readings) : error;
    }
  },
});
