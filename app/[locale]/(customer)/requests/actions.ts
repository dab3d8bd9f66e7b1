"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workItems } from "@/db/schema";
import { userAction } from "@/lib/actions/form-action";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { complaintSchema } from "@/lib/complaints/schemas";
import { AppError } from "@/lib/errors";
import { uploadPhotoField } from "@/lib/files/upload-file";
import {
  answerAsCustomer,
  rateItem,
  reopenAsCustomer,
  requestFollowUp,
} from "@/lib/workflow/customer-actions";
import { ratingSchema } from "@/lib/workflow/schemas";
import { requiredText } from "@/lib/validation/fields";

/** Back to the item with a notice: the form that was used may no longer apply (answered, rated). */
function afterAction(locale: string, number: string, done: string): never {
  revalidatePath(`/${locale}/requests/${number}`);
  redirect(`/${locale}/requests/${encodeURIComponent(number)}?done=${done}`);
}

const numberField = z.string({ error: "invalid" }).min(1, "invalid").max(40, "invalid");

export const fileComplaintAction = userAction({
  roles: ["customer"],
  schema: complaintSchema.extend({ photo: z.unknown().optional() }),
  handler: async ({ photo, ...input }, { user, meta, locale }) => {
    const db = getDb();
    const photoFileId =
      (await uploadPhotoField(db, photo, { userId: user.id })) ?? input.photoFileId;
    const filed = await fileComplaint(
      db,
      { ...input, photoFileId },
      {
        customer: { id: user.id, locale },
        actor: { kind: "user", userId: user.id, role: user.role },
        idempotencyScope: `user:${user.id}`,
      },
      meta,
    );
    revalidatePath(`/${locale}/requests`);
    redirect(`/${locale}/requests/${encodeURIComponent(filed.number)}?filed=1`);
  },
});

export const answerAction = userAction({
  roles: ["customer"],
  schema: z.object({ number: numberField, body: requiredText(5000) }),
  handler: async ({ number, body }, { user, meta, locale }) => {
    await answerAsCustomer(getDb(), user, number, body, { meta });
    return afterAction(locale, number, "answered");
  },
});

export const followUpAction = userAction({
  roles: ["customer"],
  schema: z.object({ number: numberField }),
  handler: async ({ number }, { user, meta, locale }) => {
    await requestFollowUp(getDb(), { id: user.id, role: user.role, locale }, number, { meta });
    return afterAction(locale, number, "followedUp");
  },
});

export const rateAction = userAction({
  roles: ["customer"],
  schema: ratingSchema.extend({ number: numberField }),
  handler: async ({ number, ...rating }, { user, meta, locale }) => {
    const db = getDb();
    // Only the owner's item: the number alone finds nothing for anyone else.
    const [item] = await db
      .select({ id: workItems.id })
      .from(workItems)
      .where(and(eq(workItems.number, number), eq(workItems.customerUserId, user.id)));
    if (!item) throw new AppError("NOT_FOUND");
    await rateItem(
      db,
      {
        itemId: item.id,
        ...rating,
        via: "portal",
        actor: { kind: "user", userId: user.id, role: user.role },
        locale,
      },
      { meta },
    );
    return afterAction(locale, number, "rated");
  },
});

export const reopenAction = userAction({
  roles: ["customer"],
  schema: z.object({ number: numberField, reason: requiredText(2000) }),
  handler: async ({ number, reason }, { user, meta, locale }) => {
    await reopenAsCustomer(getDb(), user, number, reason, { meta });
    return afterAction(locale, number, "reopened");
  },
});
