"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { findContractAccountHolder } from "@/lib/contracts/queries";
import { staffComplaintSchema } from "@/lib/complaints/schemas";
import { claimItem, releaseItem, takeNext } from "@/lib/workflow/claim";
import {
  addInternalNote,
  announceDelay,
  askCustomer,
  changePriority,
  closeItem,
  recordCustomerAnswer,
  reopenItem,
  replyToCustomer,
  resolveItem,
  resumeWork,
  transferItem,
  waitInternal,
} from "@/lib/workflow/clerk-actions";
import { mergeItems } from "@/lib/workflow/merge";
import { reassignItems } from "@/lib/workflow/supervisor-actions";
import {
  delaySchema,
  itemIdSchema,
  messageSchema,
  prioritySchema,
  reassignSchema,
  resolveSchema,
  transferSchema,
} from "@/lib/workflow/schemas";
import { requiredText } from "@/lib/validation/fields";

const STAFF = ["clerk", "supervisor", "admin"] as const;
type Role = (typeof STAFF)[number];
const staffOf = (u: { id: string; role: string }) => ({ id: u.id, role: u.role as Role });

/**
 * Back to the item page with a notice: after the action the form may no longer be shown (the
 * item left the clerk's hands, or was resolved), so the notice lives on the page.
 */
function done(locale: string, itemId: string, notice: string): never {
  revalidatePath(`/${locale}/backoffice/items/${itemId}`);
  redirect(`/${locale}/backoffice/items/${itemId}?done=${notice}`);
}

export const takeNextAction = userAction({
  roles: [...STAFF],
  schema: z.object({
    departmentId: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
  handler: async ({ departmentId }, { user, locale }) => {
    const item = await takeNext(getDb(), staffOf(user), { departmentId });
    if (!item) return { status: "ok", notice: "empty" };
    redirect(`/${locale}/backoffice/items/${item.id}`);
  },
});

export const claimAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema,
  handler: async ({ itemId }, { user, locale }) => {
    await claimItem(getDb(), staffOf(user), itemId);
    redirect(`/${locale}/backoffice/items/${itemId}`);
  },
});

export const releaseAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema,
  handler: async ({ itemId }, { user, locale }) => {
    await releaseItem(getDb(), staffOf(user), itemId);
    redirect(`/${locale}/backoffice/queue`);
  },
});

export const replyAction = userAction({
  roles: [...STAFF],
  schema: messageSchema,
  handler: async ({ itemId, body }, { user, meta, locale }) => {
    await replyToCustomer(getDb(), staffOf(user), itemId, body, { meta });
    done(locale, itemId, "replied");
  },
});

export const noteAction = userAction({
  roles: [...STAFF],
  schema: messageSchema,
  handler: async ({ itemId, body }, { user, meta, locale }) => {
    await addInternalNote(getDb(), staffOf(user), itemId, body, { meta });
    done(locale, itemId, "noted");
  },
});

export const askAction = userAction({
  roles: [...STAFF],
  schema: messageSchema,
  handler: async ({ itemId, body }, { user, meta, locale }) => {
    await askCustomer(getDb(), staffOf(user), itemId, body, { meta });
    done(locale, itemId, "asked");
  },
});

export const customerAnswerAction = userAction({
  roles: [...STAFF],
  schema: messageSchema.extend({
    channel: z.enum(["email", "counter", "phone"], { error: "invalid" }),
  }),
  handler: async ({ itemId, body, channel }, { user, meta, locale }) => {
    await recordCustomerAnswer(getDb(), staffOf(user), itemId, { body, channel }, { meta });
    done(locale, itemId, "done");
  },
});

export const waitInternalAction = userAction({
  roles: [...STAFF],
  schema: messageSchema,
  handler: async ({ itemId, body }, { user, meta, locale }) => {
    await waitInternal(getDb(), staffOf(user), itemId, body, { meta });
    done(locale, itemId, "done");
  },
});

export const resumeAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema,
  handler: async ({ itemId }, { user, meta, locale }) => {
    await resumeWork(getDb(), staffOf(user), itemId, { meta });
    done(locale, itemId, "done");
  },
});

export const transferAction = userAction({
  roles: [...STAFF],
  schema: transferSchema,
  handler: async ({ itemId, ...input }, { user, meta, locale }) => {
    await transferItem(getDb(), staffOf(user), itemId, input, { meta });
    redirect(`/${locale}/backoffice/queue`);
  },
});

export const resolveAction = userAction({
  roles: [...STAFF],
  schema: resolveSchema,
  handler: async ({ itemId, ...input }, { user, meta, locale }) => {
    await resolveItem(getDb(), staffOf(user), itemId, input, { meta });
    done(locale, itemId, "resolved");
  },
});

export const closeAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema,
  handler: async ({ itemId }, { user, meta, locale }) => {
    await closeItem(getDb(), staffOf(user), itemId, { meta });
    done(locale, itemId, "done");
  },
});

export const reopenAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema.extend({ reason: requiredText(2000) }),
  handler: async ({ itemId, reason }, { user, meta, locale }) => {
    await reopenItem(getDb(), staffOf(user), itemId, reason, { meta });
    done(locale, itemId, "done");
  },
});

export const priorityAction = userAction({
  roles: ["supervisor", "admin"],
  schema: prioritySchema,
  handler: async ({ itemId, priority }, { user, meta, locale }) => {
    await changePriority(getDb(), staffOf(user), itemId, priority, { meta });
    done(locale, itemId, "done");
  },
});

export const delayAction = userAction({
  roles: [...STAFF],
  schema: delaySchema,
  handler: async ({ itemId, ...input }, { user, meta, locale }) => {
    await announceDelay(getDb(), staffOf(user), itemId, input, { meta });
    done(locale, itemId, "done");
  },
});

export const reassignAction = userAction({
  roles: ["supervisor", "admin"],
  schema: z
    .object({
      itemIds: z.string().transform((s) => s.split(",").filter(Boolean)),
      assigneeId: z.string(),
    })
    .pipe(reassignSchema),
  handler: async ({ itemIds, assigneeId }, { user, meta, locale }) => {
    await reassignItems(getDb(), staffOf(user), itemIds, assigneeId, { meta });
    for (const id of itemIds) revalidatePath(`/${locale}/backoffice/items/${id}`);
    return { status: "ok" };
  },
});

/** A clerk files a complaint for a customer on the phone or at the counter. */
export const fileForCustomerAction = userAction({
  roles: [...STAFF],
  schema: staffComplaintSchema,
  handler: async (input, { user, meta, locale }) => {
    const db = getDb();
    // The contract's account holder, when there is one, follows the item in the portal; a
    // caller without an account is reached by the phone they gave.
    const owner = await findContractAccountHolder(db, input.contractNo);
    const filed = await fileComplaint(
      db,
      input,
      {
        customer: { id: owner?.userId ?? null, locale: owner?.locale ?? locale },
        filedBy: staffOf(user),
        actor: { kind: "user", userId: user.id, role: user.role },
        idempotencyScope: `user:${user.id}`,
      },
      meta,
    );
    redirect(`/${locale}/backoffice/items/${filed.itemId}?filed=1`);
  },
});

/** Merge a likely duplicate into this item (the one being viewed survives). */
export const mergeAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema.extend({ duplicateId: z.uuid({ error: "invalid" }) }),
  handler: async ({ itemId, duplicateId }, { user, meta, locale }) => {
    await mergeItems(getDb(), staffOf(user), itemId, duplicateId, { meta });
    done(locale, itemId, "done");
  },
});
