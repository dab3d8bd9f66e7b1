import { unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import type { User } from "@/db/schema";
import { currentRequestMeta, getCurrentUser, type Role } from "@/lib/auth/guards";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, fieldErrorsFromZod, isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { FormState } from "./form-state";

/** `formData` is the raw form, for what a schema cannot take (several files under one name). */
type Ctx<A> = { user: A; meta: RequestMeta; locale: Locale; formData: FormData };

type Options<S extends z.ZodType, A> = {
  schema: S;
  handler: (input: z.infer<S>, ctx: Ctx<A>) => Promise<FormState | void>;
};

// Field values echoed back so a no-JavaScript form keeps what was typed; never passwords.
function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password|token|^\$/i.test(key))
      values[key] = value.slice(0, 2000);
  }
  return values;
}

async function run<S extends z.ZodType, A>(
  user: A,
  formData: FormData,
  { schema, handler }: Options<S, A>,
): Promise<FormState> {
  const values = echo(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fields: fieldErrorsFromZod(parsed.error), values };
  try {
    const requested = await getLocale();
    const locale: Locale = isLocale(requested) ? requested : "ar";
    return (
      (await handler(parsed.data, {
        user,
        meta: await currentRequestMeta(),
        locale,
        formData,
      })) ?? {
        status: "ok",
      }
    );
  } catch (error) {
    // redirect() and notFound() signal by throwing: let them through.
    unstable_rethrow(error);
    if (isAppError(error))
      return { status: "error", formError: error.code, fields: error.fields, values };
    console.error("[action]", error);
    return { status: "error", formError: "INTERNAL", values };
  }
}

/**
 * The one wrapper every form's server action goes through: authenticate → parse with the
 * form's zod schema → the handler (which authorises against the resource and changes it, then
 * revalidates). Errors come back as keys; a redirect passes through.
 */
export function publicAction<S extends z.ZodType>(options: Options<S, User | null>) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> =>
    run(await getCurrentUser(), formData, options);
}

export function userAction<S extends z.ZodType>(options: Options<S, User> & { roles?: Role[] }) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return { status: "error", formError: new AppError("UNAUTHENTICATED").code };
    if (options.roles && !options.roles.includes(user.role))
      return { status: "error", formError: "FORBIDDEN" };
    return run(user, formData, options);
  };
}
