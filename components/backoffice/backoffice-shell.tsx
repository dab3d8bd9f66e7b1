import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Brand } from "@/components/layout/brand";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import type { User } from "@/db/schema";
import { Link } from "@/lib/i18n/navigation";

export type NavItem = { href: string; label: string };

type Props = {
  children: ReactNode;
  user: Pick<User, "name" | "role">;
  utilityName: string;
  logo: string;
  nav: NavItem[];
  switchLanguage: (formData: FormData) => Promise<void>;
  signOut: () => Promise<void>;
};

/** Staff shell: navigation by role on the start side, work on the other. */
export async function BackofficeShell({
  children,
  user,
  utilityName,
  logo,
  nav,
  switchLanguage,
  signOut,
}: Props) {
  const t = await getTranslations("backoffice");
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="border-b border-slate-200 bg-white">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-3">
            <Brand name={utilityName} logo={logo} href="/backoffice" />
            <span className="shrink-0 rounded bg-brand-100 px-2 py-0.5 text-xs font-bold text-brand-900">
              {t("badge")}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-700" data-testid="staff-identity">
              {user.name} · {t(`role.${user.role}`)}
            </span>
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
              >
                {t("signOut")}
              </button>
            </form>
            <LanguageSwitcher action={switchLanguage} />
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          aria-label={t("navLabel")}
          className="border-b border-slate-200 bg-white md:w-56 md:border-e md:border-b-0"
        >
          <ul className="flex gap-1 overflow-x-auto p-2 md:flex-col">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block rounded-md px-3 py-2 text-sm font-semibold whitespace-nowrap text-slate-800 hover:bg-brand-50"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1 p-4 sm:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
