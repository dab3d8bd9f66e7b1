"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/actions/form-action";
import { verifyEmail } from "@/lib/auth/accounts";
import { AppError } from "@/lib/errors";

export const verifyEmailAction = publicAction({
  schema: z.object({ token: z.string().min(20, "invalid").max(200, "invalid") }),
  handler: async ({ token }, { meta, locale }) => {
    if (!(await verifyEmail(getDb(), token, meta))) throw new AppError("TOKEN_INVALID");
    redirect(`/${locale}/sign-in?verified=1`);
  },
});
