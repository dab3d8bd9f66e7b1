"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { AppError, isAppError, parseOrThrow } from "@/lib/errors";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, uploadFile } from "@/lib/files/upload-file";
import { formFieldErrors, readingFormSchema, readingsFromForm } from "@/lib/metering/form";
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
    let photoFileId: string | undefined;
    if (photo instanceof File && photo.size > 0) {
      try {
        photoFileId = (
          await uploadFile(db, {
            bytes: new Uint8Array(await photo.arrayBuffer()),
            originalName: photo.name,
            uploader: { userId: user.id },
            allowed: IMAGE_TYPES,
            maxBytes: MAX_IMAGE_BYTES,
          })
        ).fileId;
      } catch (error) {
        if (isAppError(error))
          throw new AppError(error.code, error.message, {
            photo: error.code === "PAYLOAD_TOO_LARGE" ? "photoTooLarge" : "photoType",
          });
        throw error;
      }
    }
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
    } catch (error) {
      throw isAppError(error) ? formFieldErrors(error, readings) : error;
    }
  },
});
