"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schemas";
import { publicAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { z } from "zod";

const CODES: Record<string, string> = {
  rate_limited: "RATE_LIMITED",
  email_not_verified: "EMAIL_NOT_VERIFIED",
};

/** Only a path of this site in the same language, never an address elsewhere. */
function safeCallback(value: string | undefined, locale: string): string {
  return value && new RegExp(`^/${locale}/[^/\\\\]`).test(value) && value.length < 500
    ? value
    : `/${locale}/welcome`;
}

export const signInAction = publicAction({
  schema: signInSchema.extend({ callbackUrl: z.string().max(500).optional() }),
  handler: async (input, { locale }): Promise<FormState> => {
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirectTo: safeCallback(input.callbackUrl, locale),
      });
    } catch (error) {
      if (error instanceof AuthError) {
        const code = "code" in error && typeof error.code === "string" ? error.code : "";
        return {
          status: "error",
          formError: CODES[code] ?? "INVALID_CREDENTIALS",
          values: { email: input.email },
        };
      }
      throw error;
    }
    return { status: "ok" };
  },
});
