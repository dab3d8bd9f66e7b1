"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { transparencySchema } from "@/lib/reports/schemas";
import { setTransparencyPublic } from "@/lib/reports/settings";

/** An admin publishes (or stops publishing) the monthly figures on the public page. */
export const setTransparencyAction = userAction({
  roles: ["admin"],
  schema: transparencySchema,
  handler: async (input, { user, meta, locale }) => {
    await setTransparencyPublic(getDb(), user, input.publish === "1", { meta });
    revalidatePath(`/${locale}/backoffice/dashboard`);
    revalidatePath(`/${locale}/transparency`);
  },
});
