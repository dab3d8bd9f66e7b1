"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { signUp } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";

export const signUpAction = publicAction({
  schema: signUpSchema,
  handler: async (input, { meta, locale }) => {
    await signUp(getDb(), input, meta);
    // The same page whether or not the e-mail already had an account.
    redirect(`/${locale}/sign-up/check-email`);
  },
});
