"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import {
  REVIEW_REASON_MAX,
  acceptReading,
  correctReading,
  rejectReading,
} from "@/lib/metering/review";
import { requiredText } from "@/lib/validation/fields";
import { itemIdSchema } from "@/lib/workflow/schemas";

const STAFF = ["clerk", "supervisor", "admin"] as const;
type Role = (typeof STAFF)[number];
const staffOf = (u: { id: string; role: string }) => ({ id: u.id, role: u.role as Role });

/** Back to the item page with the "resolved" notice, as the other item actions do. */
function done(locale: string, itemId: string): never {
  revalidatePath(`/${locale}/backoffice/items/${itemId}`);
  redirect(`/${locale}/backoffice/items/${itemId}?done=resolved`);
}

const correctSchema = itemIdSchema.extend({
  registerId: z.uuid({ error: "invalid" }),
  // Kept as typed: lib/metering/parse-index.ts normalises Arabic digits and separators and
  // checks the dials, so the form's errors are the same keys the customer's form shows. The
  // bound only stops a pasted essay before it reaches the parser.
  index: z.string({ error: "required" }).max(100, "tooManyDigits"),
  reason: requiredText(REVIEW_REASON_MAX),
});

const rejectSchema = itemIdSchema.extend({ reason: requiredText(REVIEW_REASON_MAX) });

/** Accept a held reading as submitted and resolve its review item. */
export const acceptReadingAction = userAction({
  roles: [...STAFF],
  schema: itemIdSchema,
  handler: async ({ itemId }, { user, meta, locale }) => {
    await acceptReading(getDb(), staffOf(user), itemId, { meta });
    done(locale, itemId);
  },
});

/** Replace one register's index (with the reason, audited) and accept the reading. */
export const correctReadingAction = userAction({
  roles: [...STAFF],
  schema: correctSchema,
  handler: async ({ itemId, registerId, index, reason }, { user, meta, locale }) => {
    await correctReading(getDb(), staffOf(user), itemId, { registerId, index, reason }, { meta });
    done(locale, itemId);
  },
});

/** Reject a held reading; the reason reaches the customer as the resolution note. */
export const rejectReadingAction = userAction({
  roles: [...STAFF],
  schema: rejectSchema,
  handler: async ({ itemId, reason }, { user, meta, locale }) => {
    await rejectReading(getDb(), staffOf(user), itemId, { reason }, { meta });
    done(locale, itemId);
  },
});
