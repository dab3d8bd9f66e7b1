import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/backoffice/admin-ui";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDate, formatInteger } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { findContractForExchange, isMeteringStaff } from "@/lib/metering/meter-exchange";
import { localDate } from "@/lib/metering/reading-window";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { recordExchangeAction } from "./actions";
import { ExchangeForm } from "./exchange-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meterExchange"))("title") };
}

/** Metering staff find a contract by its number and record the swap of its current meter. */
export default async function MeterExchangePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ contract?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale, rolesFor("meterExchange"));
  const db = getDb();
  // Staff of other departments learn nothing about the page.
  if (!(await isMeteringStaff(db, staff))) notFound();
  const { contract: query } = await searchParams;
  const contractNo = typeof query === "string" ? query.slice(0, 40) : "";
  const [t, tc, utility] = await Promise.all([
    getTranslations("meterExchange"),
    getTranslations("contracts"),
    getCurrentUtility(),
  ]);
  const found = contractNo ? await findContractForExchange(db, staff, contractNo) : null;
  const today = localDate(new Date(), utility.timeZone);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t("contractNo")}
          <input
            name="contract"
            defaultValue={contractNo}
            dir="ltr"
            inputMode="numeric"
            required
            className={inputClass}
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("find")}
        </Button>
      </form>
      {contractNo && !found ? (
        <Card>
          <p>{t("notFound")}</p>
        </Card>
      ) : null}
      {found ? (
        <Card className="flex flex-col gap-4">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{tc("contractNo")}</dt>
              <dd className="font-mono font-semibold">
                <bdi className="ltr-nums">{found.contract.contractNo}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("customer")}</dt>
              <dd className="font-semibold">
                <bdi>{found.contract.customerName}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("address")}</dt>
              <dd>
                <bdi>
                  {tc("address", {
                    line: found.contract.addressLine,
                    city: found.contract.city,
                  })}
                </bdi>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{tc(`service.${found.contract.service}`)}</dt>
              <dd>
                {found.meter ? (
                  <>
                    <span className="block font-mono font-semibold">
                      <bdi className="ltr-nums">{found.meter.serial}</bdi>
                    </span>
                    <span className="text-sm text-slate-600">
                      {tc("dials", { count: found.meter.dials })} ·{" "}
                      {t("installedOn", {
                        date: formatDate(`${found.meter.installedAt}T12:00:00Z`, locale, "UTC"),
                      })}
                    </span>
                  </>
                ) : (
                  t("noMeter")
                )}
              </dd>
            </div>
            {found.meter?.registers.map((r) => (
              <div key={r.name}>
                <dt className="text-sm text-slate-600">
                  {t("lastReading")}
                  {found.meter!.registers.length > 1 ? ` — ${tc(`register.${r.name}`)}` : ""}
                </dt>
                <dd>
                  {/* Only the index is isolated left to right: a date inside that run would read
                      backwards in Arabic ("052026/11/"); outside it, it reads as everywhere else. */}
                  {r.lastIndex !== null && r.lastReadAt ? (
                    <>
                      <bdi className="ltr-nums font-mono">{formatInteger(r.lastIndex, locale)}</bdi>
                      {" · "}
                      {formatDate(r.lastReadAt, locale, utility.timeZone)}
                    </>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {found.meter ? (
            <ClientMessages
              locale={locale}
              pick={(m) => ({ meterExchange: m.meterExchange, contracts: m.contracts })}
            >
              <ExchangeForm
                action={recordExchangeAction}
                // Per contract: the success notice survives the refresh that shows the new
                // meter, and another contract's search starts with an empty form.
                key={found.contract.id}
                contractNo={found.contract.contractNo}
                oldMeterId={found.meter.id}
                dials={found.meter.dials}
                registers={found.meter.registers.map((r) => r.name)}
                today={today}
              />
            </ClientMessages>
          ) : null}
          {found.exchanges.length ? (
            <div>
              <h2 className="text-base font-bold">{t("previousExchanges")}</h2>
              <ul className="mt-2 list-disc ps-5 text-sm">
                {found.exchanges.map((x) => (
                  <li key={`${x.exchangedOn}-${x.newSerial}`}>
                    {t("exchangeLine", {
                      date: formatDate(`${x.exchangedOn}T12:00:00Z`, locale, "UTC"),
                      oldSerial: x.oldSerial,
                      newSerial: x.newSerial,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
