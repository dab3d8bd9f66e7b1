import { getTranslations } from "next-intl/server";
import type { User } from "@/db/schema";
import { Link } from "@/lib/i18n/navigation";
import { Brand } from "./brand";
import { LanguageSwitcher } from "./language-switcher";

type Props = {
  user: Pick<User, "name" | "role"> | null;
  utilityName: string;
  logo: string;
  switchLanguage: (formData: FormData) => Promise<void>;
  signOut: () => Promise<void>;
};

/** The header of public and customer pages: brand, what the visitor may open, language. */
export async function SiteHeader({ user, utilityName, logo, switchLanguage, signOut }: Props) {
  const t = await getTranslations("nav");
  const staff = user && user.role !== "customer";
  const links = !user
    ? [
        { href: "/quick-pay", label: t("quickPay") },
        { href: "/simulator", label: t("simulator") },
        { href: "/sign-in", label: t("signIn") },
        { href: "/sign-up", label: t("signUp") },
      ]
    : staff
      ? [{ href: "/backoffice", label: t("backoffice") }]
      : [
          { href: "/dashboard", label: t("dashboard") },
          { href: "/bills", label: t("bills") },
          { href: "/payments", label: t("payments") },
          { href: "/requests", label: t("requests") },
          { href: "/profile", label: t("profile") },
        ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Brand
          name={utilityName}
          logo={logo}
          href={user ? (staff ? "/backoffice" : "/dashboard") : "/"}
        />
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t("main")} className="flex flex-wrap items-center gap-1">
            {links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                className="rounded-md px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50"
              >
                {l.label}
              </Link>
            ))}
          </nav>
          {user ? (
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {t("signOut")}
              </button>
            </form>
          ) : null}
          <LanguageSwitcher action={switchLanguage} />
        </div>
      </div>
    </header>
  );
}
