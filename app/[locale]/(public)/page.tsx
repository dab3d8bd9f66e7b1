import { getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/guards";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { utilityName } from "@/lib/utility/get-utility";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const [t, tr, user, utility] = await Promise.all([
    getTranslations("home"),
    getTranslations("registry.home"),
    getCurrentUser(),
    getCurrentUtility(),
  ]);
  const name = utilityName(utility, isLocale(locale) ? locale : "ar");
  const home = user ? (user.role === "customer" ? "/dashboard" : "/backoffice") : null;
  return (
    <div className="flex flex-col gap-8">
      <section className="rounded-2xl bg-brand-800 px-5 py-8 text-white sm:px-10 sm:py-12">
        <p className="text-sm font-semibold text-brand-100">{name}</p>
        <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-brand-50">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {home ? (
            <Link href={home} className={buttonClass("secondary")}>
              {t("goToAccount")}
            </Link>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClass("secondary")}>
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="inline-flex min-h-11 items-center rounded-lg border border-white/60 px-4 py-2 font-semibold text-white hover:bg-white/10"
              >
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </section>

      {/* The mail registry office replaces walking in with a letter: first thing after the hero. */}
      <section
        aria-labelledby="registry-title"
        className="flex flex-col gap-4 rounded-2xl border-2 border-brand-600 bg-brand-50 px-5 py-6 sm:flex-row sm:items-center sm:justify-between sm:px-8"
      >
        <div>
          <h2 id="registry-title" className="text-2xl font-bold text-brand-900">
            {tr("title")}
          </h2>
          <p className="mt-2 max-w-2xl text-slate-700">{tr("lead")}</p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-3">
          <Link href="/letters/new" className={buttonClass("primary")}>
            {tr("cta")}
          </Link>
          <Link href="/track" className={buttonClass("secondary")}>
            {tr("track")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="what-title">
        <h2 id="what-title" className="mb-4 text-xl font-bold">
          {t("whatTitle")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Card>
            <h3 className="font-bold">{t("contractsTitle")}</h3>
            <p className="mt-1 text-slate-600">{t("contractsBody")}</p>
          </Card>
          <Card>
            <h3 className="font-bold">{t("historyTitle")}</h3>
            <p className="mt-1 text-slate-600">{t("historyBody")}</p>
          </Card>
          <Card>
            <h3 className="font-bold">{t("languagesTitle")}</h3>
            <p className="mt-1 text-slate-600">{t("languagesBody")}</p>
          </Card>
        </div>
      </section>

      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <h2 className="text-lg font-bold">{t("readingTitle")}</h2>
          <Link href="/reading" className={buttonClass("primary", "mt-3")}>
            {t("readingLink")}
          </Link>
        </Card>
        <Card>
          <h2 className="text-lg font-bold">{t("trackTitle")}</h2>
          <p className="mt-1 text-slate-600">{t("trackBody")}</p>
          <Link href="/track" className={buttonClass("secondary", "mt-3")}>
            {t("trackLink")}
          </Link>
        </Card>
        <Card>
          <h2 className="text-lg font-bold">{t("linkTitle")}</h2>
          <p className="mt-1 text-slate-600">{t("linkBody")}</p>
        </Card>
      </div>
    </div>
  );
}
