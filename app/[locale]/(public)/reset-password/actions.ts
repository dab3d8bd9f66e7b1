"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { resetPassword } from "@/lib/auth/accounts";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const resetPasswordAction = publicAction({
  schema: resetPasswordSchema,
  handler: async (input, { meta, locale }) => {
    await resetPassword(getDb(), input, meta);
    redirect(`/${locale}/sign-in?reset=1`);
  },
});
