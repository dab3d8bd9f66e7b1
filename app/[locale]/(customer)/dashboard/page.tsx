import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractCard } from "@/components/contracts/contract-card";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listAccountContracts, listContractReadings } from "@/lib/contracts/queries";
import { suggestsLeak } from "@/lib/metering/leak";
import { Alert } from "@/components/ui/alert";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { listCustomerBills } from "@/lib/billing/queries";
import { formatMoney } from "@/lib/billing/present";
import { utilityToday } from "@/lib/billing/today";
import { LinkContractForm } from "./link-contract-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("metaTitle") };
}

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, tr, tb, tc, contracts, utility] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("readings"),
    getTranslations("billing"),
    getTranslations("connections"),
    listAccountContracts(getDb(), { userId: user.id }),
    getCurrentUtility(),
  ]);
  const bills = await listCustomerBills(getDb(), {
    userId: user.id,
    today: utilityToday(utility.timeZone),
  });
  const due = new Map<string, number>();
  for (const b of bills) due.set(b.currency, (due.get(b.currency) ?? 0) + b.amountDueMinor);
  const dueText = [...due]
    .filter(([, minor]) => minor > 0)
    .map(([currency, minor]) => formatMoney(minor, currency, locale))
    .join(" + ");
  // Water contracts whose consumption per day rose sharply two periods in a row.
  const leaking = (
    await Promise.all(
      contracts
        .filter((c) => c.service === "water")
        .map(async (c) => {
          const rows = await listContractReadings(getDb(), {
            userId: user.id,
            contractId: c.id,
            limit: 8,
          });
          const accepted = rows.filter((r) => r.status === "accepted").reverse();
          const periods = accepted.slice(1).map((r, i) => ({
            consumption: r.consumption ?? 0,
            days: (r.readAt.getTime() - accepted[i]!.readAt.getTime()) / 86_400_000,
          }));
          return suggestsLeak(periods) ? c : null;
        }),
    )
  ).filter((c) => c !== null);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title", { name: user.name })}</PageTitle>
      <nav aria-label={t("quickLinks")} className="flex flex-wrap gap-3">
        <Link href="/readings/new" className={buttonClass("primary")}>
          {tr("submitLink")}
        </Link>
        <Link href="/requests/new" className={buttonClass("secondary")}>
          {t("reportProblem")}
        </Link>
        <Link href="/requests" className={buttonClass("secondary")}>
          {t("myRequests")}
        </Link>
        {/* A new connection, a subscription or a termination: the agency visit, as a file. */}
        <Link href="/connections" className={buttonClass("secondary")}>
          {tc("title")}
        </Link>
      </nav>
      {bills.length ? (
        <Link
          href="/bills"
          className={`flex flex-wrap items-center justify-between gap-2 rounded-xl border p-4 font-semibold ${dueText ? "border-amber-300 bg-amber-50 text-amber-950" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
          data-testid="dashboard-bills"
        >
          <span>
            {dueText ? tb("dashboardDue", { amount: dueText }) : tb("dashboardNothingDue")}
          </span>
          <span className="underline">{tb("dashboardLink")}</span>
        </Link>
      ) : null}
      {leaking.map((c) => (
        <Alert key={c.id} tone="warning">
          <p className="font-bold">
            {tr("leakTitle")} · <span className="ltr-nums">{c.contractNo}</span>
          </p>
          <p>{tr("leakBody")}</p>
        </Alert>
      ))}
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
