"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { annotateEntry } from "@/lib/registry/annotate";
import { checkAttachments } from "@/lib/registry/attachments";
import { distributeEntry } from "@/lib/registry/distribute";
import { registerIncoming } from "@/lib/registry/register-incoming";
import { approveReply, draftReply, registerReply } from "@/lib/registry/replies";
import {
  annotationSchema,
  distributeSchema,
  draftReplySchema,
  manualRegistrationSchema,
  replyDecisionSchema,
} from "@/lib/registry/schemas";
import { isRegistryStaff } from "@/lib/registry/access";

const STAFF = ["clerk", "supervisor", "admin"] as const;
type Role = (typeof STAFF)[number];
const staffOf = (u: { id: string; role: string }) => ({ id: u.id, role: u.role as Role });

function backToEntry(locale: string, entryId: string, notice: string): never {
  revalidatePath(`/${locale}/backoffice/registry/${entryId}`);
  redirect(`/${locale}/backoffice/registry/${entryId}?done=${notice}`);
}

function backToItem(locale: string, itemId: string, notice: string): never {
  revalidatePath(`/${locale}/backoffice/items/${itemId}`);
  redirect(`/${locale}/backoffice/items/${itemId}?done=${notice}`);
}

/** Paper, counter or e-mailed mail registered by a registry clerk, with its scans. */
export const registerManualAction = userAction({
  roles: [...STAFF],
  schema: manualRegistrationSchema,
  handler: async (input, { user, meta, locale, formData }) => {
    const db = getDb();
    if (!(await isRegistryStaff(db, staffOf(user)))) throw new AppError("NOT_FOUND");
    const attachments = await checkAttachments(formData.getAll("attachments"));
    const filed = await registerIncoming(
      db,
      {
        channel: input.channel,
        category: input.category,
        subject: input.subject,
        message: input.message,
        sender: {
          name: input.senderName,
          nationalId: input.nationalId,
          email: input.email,
          phone: input.phone,
        },
        contractNo: input.contractNo,
        locale,
      },
      { kind: "clerk", user: staffOf(user) },
      { attachments, idempotencyKey: input.idempotencyKey, meta },
    );
    return backToEntry(locale, filed.entryId, "registered");
  },
});

export const distributeAction = userAction({
  roles: [...STAFF],
  schema: distributeSchema.omit({ copies: true }),
  handler: async (input, { user, meta, locale, formData }) => {
    // Checkboxes: one value per ticked department under the same name.
    const copies = z
      .array(z.string().max(60))
      .max(20)
      .parse(formData.getAll("copies").filter((v) => typeof v === "string"));
    await distributeEntry(getDb(), staffOf(user), { ...input, copies }, { meta });
    return backToEntry(locale, input.entryId, "distributed");
  },
});

export const annotateAction = userAction({
  roles: [...STAFF],
  schema: annotationSchema,
  handler: async (input, { user, meta, locale }) => {
    await annotateEntry(getDb(), staffOf(user), input, { meta });
    return backToEntry(locale, input.entryId, "annotated");
  },
});

export const registerReplyAction = userAction({
  roles: [...STAFF],
  schema: replyDecisionSchema.extend({ entryId: z.uuid() }),
  handler: async (input, { user, meta, locale }) => {
    const { outgoingNo } = await registerReply(getDb(), staffOf(user), input.replyId, { meta });
    revalidatePath(`/${locale}/backoffice/registry`);
    return backToEntry(
      locale,
      input.entryId,
      `replyRegistered&number=${encodeURIComponent(outgoingNo)}`,
    );
  },
});

/** On a department's item: draft the reply to the letter it was given. */
export const draftReplyAction = userAction({
  roles: [...STAFF],
  schema: draftReplySchema,
  handler: async (input, { user, meta, locale }) => {
    await draftReply(getDb(), staffOf(user), input, { meta });
    return backToItem(locale, input.itemId, "replyDrafted");
  },
});

export const approveReplyAction = userAction({
  roles: ["supervisor", "admin"],
  schema: replyDecisionSchema.extend({ itemId: z.uuid() }),
  handler: async (input, { user, meta, locale }) => {
    await approveReply(getDb(), staffOf(user), input.replyId, { meta });
    return backToItem(locale, input.itemId, "replyApproved");
  },
});
