"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "@/lib/i18n/navigation";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * A form, not links: the server action saves the choice in a signed-in user's profile, and
 * without JavaScript it still posts and redirects to the same page in the other language.
 */
export function LanguageSwitcher({ action }: { action: (formData: FormData) => Promise<void> }) {
  const pathname = usePathname();
  const current = useLocale();
  const t = useTranslations("forms.language");
  return (
    <form action={action} className="flex items-center gap-1" aria-label={t("label")}>
      <input type="hidden" name="path" value={pathname} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          disabled={locale === current}
          className="min-h-9 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-default disabled:bg-brand-50 disabled:text-brand-800"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
