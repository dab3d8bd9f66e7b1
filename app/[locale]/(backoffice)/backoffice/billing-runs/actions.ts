"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { resumeBillingRunSchema, startBillingRunSchema } from "@/lib/billing/admin-schemas";
import { resumeBillingRun, startBillingRun } from "@/lib/billing/admin-runs";

export const startBillingRunAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: startBillingRunSchema,
  handler: async (input, { user, meta, locale }) => {
    await startBillingRun(getDb(), user, input, { meta });
    revalidatePath(`/${locale}/backoffice/billing-runs`);
    return { status: "ok" };
  },
});

export const resumeBillingRunAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: resumeBillingRunSchema,
  handler: async (input, { user, locale }) => {
    await resumeBillingRun(getDb(), user, input);
    revalidatePath(`/${locale}/backoffice/billing-runs`);
    return { status: "ok" };
  },
});
