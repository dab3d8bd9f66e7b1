"use server";

import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { requestPasswordReset } from "@/lib/auth/accounts";
import { forgotPasswordSchema } from "@/lib/auth/schemas";

export const forgotPasswordAction = publicAction({
  schema: forgotPasswordSchema,
  handler: async (input, { meta }) => {
    await requestPasswordReset(getDb(), input.email, meta);
    // Whether or not the address has an account: the answer must not tell.
    return { status: "ok", notice: "sent" };
  },
});
