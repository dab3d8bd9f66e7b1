"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { createApiKey, revokeApiKey } from "@/lib/payments/admin-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/payments/admin-schemas";

export const createApiKeyAction = userAction({
  roles: ["admin"],
  schema: createApiKeySchema,
  handler: async (input, { user, meta, locale }) => {
    const { key } = await createApiKey(getDb(), user, input, { meta });
    revalidatePath(`/${locale}/backoffice/partner-keys`);
    // The clear key travels once, in this answer; only its hash stays.
    return { status: "ok", values: { reveal: key } };
  },
});

export const revokeApiKeyAction = userAction({
  roles: ["admin"],
  schema: revokeApiKeySchema,
  handler: async (input, { user, meta, locale }) => {
    await revokeApiKey(getDb(), user, input, { meta });
    revalidatePath(`/${locale}/backoffice/partner-keys`);
    return { status: "ok" };
  },
});
