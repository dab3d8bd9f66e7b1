"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { saveLocale } from "@/lib/auth/accounts";
import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/guards";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

/** Switch language: remembered in the profile of a signed-in user, in a cookie for a guest. */
export async function switchLanguageAction(formData: FormData): Promise<void> {
  const requested = formData.get("locale");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const rawPath = String(formData.get("path") ?? "/");
  // Only a path on this site: "/x" but never "//evil.example" or a full URL.
  const path = /^\/(?!\/)[^\s\\]{0,500}$/.test(rawPath) ? rawPath : "/";
  const user = await getCurrentUser();
  if (user) await saveLocale(getDb(), user.id, locale);
  (await cookies()).set("NEXT_LOCALE", locale, {
    path: "/",
    sameSite: "lax",
    maxAge: 365 * 24 * 3600,
  });
  redirect(`/${locale}${path === "/" ? "" : path}`);
}

export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}` });
}
