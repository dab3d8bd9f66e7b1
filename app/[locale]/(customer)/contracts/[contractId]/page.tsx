import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ServiceIcon } from "@/components/contracts/service-icon";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { getAccountContract, listContractReadings } from "@/lib/contracts/queries";
import { formatDate, formatInteger, intlTag } from "@/lib/i18n/format";
import { listContractExchanges } from "@/lib/metering/meter-exchange";
import { monthlyConsumption } from "@/lib/metering/monthly";
import { localDate } from "@/lib/metering/reading-window";
import { ConsumptionChart } from "@/components/readings/consumption-chart";
import { buttonClass } from "@/components/ui/button";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("detailTitle") };
}

export default async function ContractPage({
  params,
}: {
  params: Promise<{ locale: string; contractId: string }>;
}) {
  const { locale: raw, contractId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const db = getDb();
  // Scoped by the account in the query: someone else's contract is simply not found.
  const contract = await getAccountContract(db, { userId: user.id, contractId });
  if (!contract) notFound();
  const [t, history, exchanges, utility] = await Promise.all([
    getTranslations("contracts"),
    listContractReadings(db, { userId: user.id, contractId, limit: 24 }),
    listContractExchanges(db, { userId: user.id, contractId }),
    getCurrentUtility(),
  ]);
  // The history, newest first, with a line for each meter swap above the old meter's final
  // reading (same local day) and below the new meter's readings.
  type Line =
    | { kind: "reading"; row: (typeof history)[number] }
    | { kind: "exchange"; row: (typeof exchanges)[number] };
  const oldest = history.at(-1);
  const lines: Line[] = [];
  const pending = exchanges.filter(
    (x) => !oldest || x.exchangedOn >= localDate(oldest.readAt, utility.timeZone),
  );
  for (const r of history) {
    const day = localDate(r.readAt, utility.timeZone);
    while (pending.length && pending[0]!.exchangedOn >= day)
      lines.push({ kind: "exchange", row: pending.shift()! });
    lines.push({ kind: "reading", row: r });
  }
  lines.push(...pending.map((row) => ({ kind: "exchange" as const, row })));
  const unit = t(`unit.${contract.service}`);
  const tr = await getTranslations("readings");
  const chart = monthlyConsumption(history, utility.timeZone);
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      month: "short",
      year: "2-digit",
      timeZone: "UTC",
    }).format(new Date(`${month}-15T12:00:00Z`));
  const monthNumber = (month: string) =>
    new Intl.DateTimeFormat(intlTag(locale), { month: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-15T12:00:00Z`),
    );
  const multiRegister = contract.meters.some((m) => m.registers.length > 1);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/dashboard" className="text-sm font-semibold text-brand-700 underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>{" "}
        {t("back")}
      </Link>
      <PageTitle
        lead={
          <bdi>
            {t("address", { line: contract.premise.addressLine, city: contract.premise.city })}
          </bdi>
        }
      >
        <span className="flex items-center gap-2">
          <ServiceIcon service={contract.service} className="size-8" />
          {t(`service.${contract.service}`)} ·{" "}
          <span className="ltr-nums font-mono">{contract.contractNo}</span>
        </span>
      </PageTitle>
      {contract.status === "active" && contract.meters.length ? (
        <Link
          href={`/readings/new?contract=${contract.id}`}
          className={buttonClass("primary", "self-start")}
        >
          {tr("submitLink")}
        </Link>
      ) : null}

      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("metersTitle")}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("statusLabel")}</dt>
            <dd className="font-semibold">{t(`status.${contract.status}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("since")}</dt>
            <dd className="font-semibold">
              {formatDate(contract.startDate, locale, utility.timeZone)}
            </dd>
          </div>
          {contract.meters.map((m) => (
            <div key={m.id}>
              <dt className="text-sm text-slate-600">{t("meter")}</dt>
              <dd>
                <span className="block font-mono font-semibold">
                  <bdi className="ltr-nums">{m.serial}</bdi>
                </span>
                <span className="text-sm text-slate-600">{t("dials", { count: m.dials })}</span>
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      {chart.length ? (
        <Card>
          <ConsumptionChart
            points={chart.map((c) => ({
              label: monthLabel(c.month),
              shortLabel: monthNumber(c.month),
              value: c.value,
              lastYear: c.lastYear,
            }))}
            unit={unit}
            locale={locale}
            title={tr("chartTitle")}
            lastYearLabel={tr("chartLastYear")}
          />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("historyTitle")}</h2>
        {lines.length ? (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-start text-slate-600">
                  <th scope="col" className="px-2 py-2 text-start font-semibold sm:px-4">
                    {t("colDate")}
                  </th>
                  {multiRegister ? (
                    <th scope="col" className="px-2 py-2 text-start font-semibold sm:px-4">
                      {t("colRegister")}
                    </th>
                  ) : null}
                  <th scope="col" className="px-2 py-2 text-end font-semibold sm:px-4">
                    {t("colIndex")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-end font-semibold sm:px-4">
                    {t("colConsumption", { unit })}
                  </th>
                  <th scope="col" className="px-2 py-2 text-start font-semibold sm:px-4">
                    {t("colSource")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  if (line.kind === "exchange") {
                    const x = line.row;
                    return (
                      <tr
                        key={x.id}
                        className="border-b border-slate-100 bg-slate-50 last:border-0"
                        data-testid="meter-exchange-line"
                      >
                        <td className="px-2 py-2 whitespace-nowrap sm:px-4">
                          {formatDate(`${x.exchangedOn}T12:00:00Z`, locale, "UTC")}
                        </td>
                        <td colSpan={multiRegister ? 4 : 3} className="px-2 py-2 sm:px-4">
                          <span className="font-semibold">{t("exchangeSource")}</span> —{" "}
                          {t("exchangeLine", {
                            oldSerial: x.oldSerial,
                            newSerial: x.newSerial,
                          })}
                        </td>
                      </tr>
                    );
                  }
                  const r = line.row;
                  return (
                    <tr key={r.id} className="border-b border-slate-100 last:border-0">
                      <td className="px-2 py-2 whitespace-nowrap sm:px-4">
                        {formatDate(r.readAt, locale, utility.timeZone)}
                      </td>
                      {multiRegister ? (
                        <td className="px-2 py-2 sm:px-4">{t(`register.${r.registerName}`)}</td>
                      ) : null}
                      <td className="px-2 py-2 text-end font-mono sm:px-4">
                        <bdi className="ltr-nums">{formatInteger(r.index, locale)}</bdi>
                      </td>
                      <td className="px-2 py-2 text-end font-semibold sm:px-4">
                        <bdi className="ltr-nums">
                          {r.consumption !== null ? formatInteger(r.consumption, locale) : "—"}
                        </bdi>
                      </td>
                      <td className="px-2 py-2 sm:px-4">
                        {t(`source.${r.source}`)}
                        {r.source === "self" ? (
                          <span
                            className={`mt-0.5 block text-xs font-semibold ${r.status === "accepted" ? "text-emerald-800" : r.status === "review" ? "text-amber-800" : "text-slate-600"}`}
                          >
                            {tr(`status.${r.status}`)}
                            {r.flags.length
                              ? ` — ${r.flags.map((f) => (tr.has(`flag.${f}` as never) ? tr(`flag.${f}` as never) : f)).join("، ")}`
                              : ""}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-slate-600">{t("noReading")}</p>
        )}
      </Card>
    </div>
  );
}
