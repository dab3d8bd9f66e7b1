"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { changePassword, updateProfile } from "@/lib/auth/accounts";
import { changePasswordSchema, profileSchema } from "@/lib/auth/schemas";

export const updateProfileAction = userAction({
  schema: profileSchema,
  handler: async (input, { user, meta, locale }) => {
    await updateProfile(getDb(), user, input, meta);
    revalidatePath(`/${locale}/profile`);
    if (input.locale !== locale) {
      (await cookies()).set("NEXT_LOCALE", input.locale, {
        path: "/",
        sameSite: "lax",
        maxAge: 365 * 24 * 3600,
      });
      redirect(`/${input.locale}/profile?saved=1`);
    }
    return { status: "ok", notice: "saved" };
  },
});

export const changePasswordAction = userAction({
  schema: changePasswordSchema,
  handler: async (input, { user, meta }) => {
    await changePassword(getDb(), user, input, meta);
    return { status: "ok", notice: "passwordChanged" };
  },
});
