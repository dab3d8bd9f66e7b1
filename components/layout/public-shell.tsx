import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { User } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { utilityAddress, utilityName } from "@/lib/utility/get-utility";
import type { Utility } from "@/db/schema";
import { SiteHeader } from "./site-header";

type Props = {
  children: ReactNode;
  user: Pick<User, "name" | "role"> | null;
  utility: Utility;
  switchLanguage: (formData: FormData) => Promise<void>;
  signOut: () => Promise<void>;
};

/** Header, content and footer shared by public and customer pages. */
export async function PublicShell({ children, user, utility, switchLanguage, signOut }: Props) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "ar";
  const t = await getTranslations("footer");
  const name = utilityName(utility, locale);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skip")}
      </a>
      <SiteHeader
        user={user}
        utilityName={name}
        logo={utility.logoPath}
        switchLanguage={switchLanguage}
        signOut={signOut}
      />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-4 text-sm text-slate-600 sm:flex-row sm:justify-between">
          <p>{name}</p>
          <p>{utilityAddress(utility, locale)}</p>
          {utility.phone ? (
            <p>
              {t("phone")}{" "}
              <a className="ltr-nums underline" href={`tel:${utility.phone}`}>
                {utility.phone}
              </a>
            </p>
          ) : null}
        </div>
      </footer>
    </div>
  );
}
