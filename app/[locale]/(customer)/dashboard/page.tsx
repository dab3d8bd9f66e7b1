import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractCard } from "@/components/contracts/contract-card";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listAccountContracts } from "@/lib/contracts/queries";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { LinkContractForm } from "./link-contract-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("metaTitle") };
}

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, contracts, utility] = await Promise.all([
    getTranslations("dashboard"),
    listAccountContracts(getDb(), { userId: user.id }),
    getCurrentUtility(),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title", { name: user.name })}</PageTitle>
      <nav aria-label={t("quickLinks")} className="flex flex-wrap gap-3">
        <Link href="/requests/new" className={buttonClass("primary")}>
          {t("reportProblem")}
        </Link>
        <Link href="/requests" className={buttonClass("secondary")}>
          {t("myRequests")}
        </Link>
      </nav>
      <section aria-labelledby="contracts-title" className="flex flex-col gap-4">
        <h2 id="contracts-title" className="text-xl font-bold">
          {t("contractsTitle")}
        </h2>
        {contracts.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {contracts.map((c) => (
              <ContractCard key={c.id} contract={c} locale={locale} timeZone={utility.timeZone} />
            ))}
          </div>
        ) : (
          <Card>
            <p className="font-semibold">{t("emptyTitle")}</p>
            <p className="mt-1 text-slate-600">{t("emptyBody")}</p>
          </Card>
        )}
      </section>
      <section aria-labelledby="link-title">
        <Card>
          <h2 id="link-title" className="mb-1 text-xl font-bold">
            {t("linkTitle")}
          </h2>
          <p className="mb-4 text-slate-600">{t("linkLead")}</p>
          <LinkContractForm />
        </Card>
      </section>
    </div>
  );
}
