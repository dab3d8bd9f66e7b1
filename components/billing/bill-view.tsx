import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BillStatusBadge } from "@/components/billing/bill-status-badge";
import { PricedLineRow, PricedTotals } from "@/components/billing/priced-lines";
import { ConsumptionChart } from "@/components/readings/consumption-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import type { BillExplanation } from "@/lib/billing/bill-contract";
import {
  billFacts,
  describeChanges,
  explainChanges,
  formatDay,
  formatDecimal,
  formatMoney,
  formatPeriod,
  formatRate,
  lineLabel,
  lineWhy,
  meterSwapRows,
  unitLabel,
} from "@/lib/billing/present";
import type { BillDetail } from "@/lib/billing/queries";
import { intlTag } from "@/lib/i18n/format";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { translator } from "@/lib/i18n/translate";

/**
 * A bill as its owner (or a clerk) reads it: what to pay and by when first, then the meter and
 * the period, every line with the reason for its amount, and what changed since last time.
 */
export async function BillView({
  detail,
  locale,
  billHref,
  pay,
}: {
  detail: BillDetail;
  locale: Locale;
  billHref: (id: string) => string;
  /** The owner's "Pay this bill" (the back office shows the bill without it). */
  pay?: ReactNode;
}) {
  const t = await getTranslations("billing");
  const tx = translator(locale);
  const { bill } = detail;
  const money = (minor: number) => formatMoney(minor, bill.currency, locale);
  const unit = unitLabel(tx, bill.unit);
  const explanation = bill.explanation as BillExplanation;
  const swapRows = meterSwapRows(tx, detail, locale);
  const changes = describeChanges(
    tx,
    explainChanges(
      billFacts({ ...bill, lines: detail.lines }),
      detail.previousFull
        ? billFacts({ ...detail.previousFull.bill, lines: detail.previousFull.lines })
        : null,
    ),
    locale,
  );
  const monthLabel = (date: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      month: "short",
      year: "2-digit",
      timeZone: "UTC",
    }).format(new Date(`${date}T12:00:00Z`));
  const monthNumber = (date: string) =>
    new Intl.DateTimeFormat(intlTag(locale), { month: "numeric", timeZone: "UTC" }).format(
      new Date(`${date}T12:00:00Z`),
    );
  const open = detail.paymentStatus !== "paid" && detail.paymentStatus !== "cancelled";
  // Services whose period straddles a tariff change: their lines say which part they price.
  const splitServices = new Set(
    detail.lines
      .filter((l) => l.kind === "consumption")
      .filter((l, _, all) =>
        all.some((o) => o.service === l.service && o.tariffVersionId !== l.tariffVersionId),
      )
      .map((l) => l.service),
  );

  return (
    <article className="flex flex-col gap-6" data-testid="bill" data-bill-no={bill.billNo}>
      <PageTitle lead={formatPeriod(bill.periodStart, bill.periodEnd, locale)}>
        <span className="flex flex-wrap items-center gap-3">
          {t(`service.${detail.service}`)} ·{" "}
          <span className="ltr-nums font-mono">{bill.billNo}</span>
          <BillStatusBadge status={detail.paymentStatus} />
        </span>
      </PageTitle>

      {bill.status === "cancelled" ? (
        <p className="rounded-lg bg-slate-100 px-4 py-3 text-slate-800" role="note">
          {t("detail.cancelledNotice", {
            date: bill.cancelledAt
              ? formatDay(bill.cancelledAt.toISOString().slice(0, 10), locale)
              : "",
            reason: bill.cancelReason ?? "",
          })}{" "}
          {detail.replacedBy ? (
            <Link href={billHref(detail.replacedBy.id)} className="font-semibold underline">
              {t("detail.replacedBy", { billNo: detail.replacedBy.billNo })}
            </Link>
          ) : null}
        </p>
      ) : null}
      {detail.replaces ? (
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sky-900" role="note">
          <Link href={billHref(detail.replaces.id)} className="underline">
            {t("detail.replaces", { billNo: detail.replaces.billNo })}
          </Link>
        </p>
      ) : null}
      {bill.estimated ? (
        <p className="rounded-lg bg-violet-50 px-4 py-3 text-violet-900" role="note">
          {t("detail.estimatedNotice", {
            basis: t(`detail.estimateBasis.${(bill.estimateBasis ?? "none") as "none"}`),
          })}
        </p>
      ) : null}

      <Card>
        <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
            <div className="col-span-2">
              <dt className="text-sm text-slate-600">{t("detail.amountDue")}</dt>
              <dd className="text-3xl font-bold text-slate-900" data-testid="amount-due">
                <bdi className="ltr-nums">{money(detail.amountDueMinor)}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("detail.dueDate")}</dt>
              <dd
                className={`font-semibold ${detail.paymentStatus === "overdue" ? "text-red-800" : ""}`}
              >
                {formatDay(bill.dueDate, locale)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("detail.total")}</dt>
              <dd className="font-semibold" data-testid="bill-total">
                <bdi className="ltr-nums">{money(bill.totalMinor)}</bdi>
              </dd>
            </div>
            {detail.paidMinor > 0 ? (
              <div>
                <dt className="text-sm text-slate-600">{t("detail.paid")}</dt>
                <dd className="font-semibold">
                  <bdi className="ltr-nums">{money(detail.paidMinor)}</bdi>
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-sm text-slate-600">{t("detail.issued")}</dt>
              <dd className="font-semibold">
                {formatDay(bill.issuedAt.toISOString().slice(0, 10), locale)}
              </dd>
            </div>
            {open ? (
              <div className="col-span-2">
                <dt className="text-sm text-slate-600">{t("detail.payment")}</dt>
                <dd>
                  <span className="ltr-nums font-mono text-lg font-semibold tracking-wider">
                    {bill.paymentReference}
                  </span>
                  <span className="block text-sm text-slate-600">{t("detail.paymentHelp")}</span>
                </dd>
              </div>
            ) : null}
            {open && pay ? <div className="col-span-2">{pay}</div> : null}
          </dl>
          <div className="flex flex-col gap-2">
            <span className="text-sm font-semibold text-slate-700">{t("detail.pdfTitle")}</span>
            {LOCALES.map((l) => (
              <a
                key={l}
                href={`/api/bills/${bill.id}/pdf?lang=${l}`}
                className={buttonClass(l === locale ? "primary" : "secondary", "text-sm")}
                data-testid={`pdf-${l}`}
                hrefLang={l}
              >
                {t("detail.pdfIn", { language: t(`detail.languages.${l}`) })}
              </a>
            ))}
          </div>
        </div>
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("detail.meterTitle")}</h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{t("col.contract")}</dt>
            <dd className="font-mono font-semibold">
              <bdi className="ltr-nums">{detail.contract.contractNo}</bdi>
            </dd>
          </div>
          {detail.meter ? (
            <div>
              <dt className="text-sm text-slate-600">{t("detail.meter")}</dt>
              <dd className="font-mono font-semibold">
                <bdi className="ltr-nums">{detail.meter.serial}</bdi>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-sm text-slate-600">{t("detail.readingType")}</dt>
            <dd className="font-semibold">{t(`readingType.${bill.readingType}`)}</dd>
          </div>
          {swapRows.map((row) => (
            <div key={row.label} className="col-span-2 sm:col-span-3" data-testid="meter-swap">
              <dt className="text-sm text-slate-600">{row.label}</dt>
              <dd className="font-semibold">{row.value}</dd>
            </div>
          ))}
          {explanation.registers
            ?.filter((r) => !r.exchange)
            .map((r) => (
              <div key={r.name} className="contents">
                <div>
                  <dt className="text-sm text-slate-600">{t("detail.previousIndex")}</dt>
                  <dd className="font-mono">
                    <bdi className="ltr-nums">{r.previous}</bdi>
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">
                    {bill.estimated ? t("detail.estimatedIndex") : t("detail.newIndex")}
                  </dt>
                  <dd className="font-mono">
                    <bdi className="ltr-nums">{r.current}</bdi>
                  </dd>
                </div>
              </div>
            ))}
          <div>
            <dt className="text-sm text-slate-600">
              {swapRows.length ? t("detail.swapTotal") : t("detail.consumption")}
            </dt>
            <dd className="text-lg font-bold">
              {/* Only the number runs left to right: an Arabic unit inside that run came first. */}
              <bdi className="ltr-nums">{formatDecimal(bill.consumption, locale)}</bdi> {unit}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("detail.periodTitle")}</dt>
            <dd className="font-semibold">{t("days", { count: bill.days })}</dd>
          </div>
        </dl>
        {swapRows.length ? (
          <p className="mt-3 text-sm text-slate-700" role="note">
            {t("detail.swapNote")}
          </p>
        ) : null}
        <div className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-700">
          <h3 className="font-semibold">{t("detail.comparisonTitle")}</h3>
          {detail.previous || detail.sameTimeLastYear ? (
            <ul className="mt-1 list-inside list-disc">
              {detail.previous ? (
                <li>
                  {t("detail.vsPrevious", {
                    consumption: formatDecimal(detail.previous.consumption, locale),
                    unit,
                    days: detail.previous.days,
                  })}
                </li>
              ) : null}
              {detail.sameTimeLastYear ? (
                <li>
                  {t("detail.vsLastYear", {
                    consumption: formatDecimal(detail.sameTimeLastYear.consumption, locale),
                    unit,
                    days: detail.sameTimeLastYear.days,
                  })}
                </li>
              ) : null}
            </ul>
          ) : (
            <p>{t("detail.noComparison")}</p>
          )}
        </div>
      </Card>

      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("detail.changesTitle")}</h2>
        {changes.length ? (
          <ul className="list-inside list-disc text-slate-800" data-testid="bill-changes">
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t("detail.noChanges")}</p>
        )}
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("detail.linesTitle")}</h2>
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="bill-lines">
          {detail.lines.map((line) => {
            const why = line.kind === "regularisation" ? "" : lineWhy(tx, line, locale);
            return (
              <PricedLineRow
                key={line.id}
                label={lineLabel(tx, line)}
                total={money(line.totalMinor)}
                why={why}
              >
                {line.kind === "regularisation" ? (
                  formatPeriod(line.periodStart, line.periodEnd, locale)
                ) : (
                  <>
                    <bdi className="ltr-nums">{formatDecimal(line.quantity, locale)}</bdi>{" "}
                    {unitLabel(tx, line.unit)} ×{" "}
                    <bdi className="ltr-nums">{formatDecimal(line.unitPrice, locale, 2)}</bdi>
                  </>
                )}{" "}
                · {t("detail.colAmount")} <bdi className="ltr-nums">{money(line.amountMinor)}</bdi>{" "}
                · {t("detail.colTax")}{" "}
                <bdi className="ltr-nums">{formatRate(line.taxRate, locale)}</bdi>{" "}
                <bdi className="ltr-nums">{money(line.taxMinor)}</bdi>
                {splitServices.has(line.service) &&
                line.effectiveFrom &&
                line.kind !== "regularisation" ? (
                  <span className="block">
                    {tx("billing.why.split", {
                      start: formatDay(line.periodStart, locale),
                      end: formatDay(line.periodEnd, locale),
                      since: formatDay(line.effectiveFrom, locale),
                    })}
                  </span>
                ) : null}
              </PricedLineRow>
            );
          })}
        </ul>
        {bill.days !== 30 ? (
          <p className="mt-2 text-sm text-slate-600">
            {tx("billing.why.normalised", { days: bill.days })}
          </p>
        ) : null}
        <PricedTotals
          testId="bill-total-incl"
          rows={[
            { label: t("detail.totalBeforeTax"), amount: money(bill.totalBeforeTaxMinor) },
            { label: t("detail.tax"), amount: money(bill.taxMinor) },
            { label: t("detail.totalInclTax"), amount: money(bill.totalMinor), tone: "total" },
            ...(detail.arrearsMinor > 0
              ? [
                  {
                    label: t("detail.arrears"),
                    amount: money(detail.arrearsMinor),
                    tone: "warning" as const,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {explanation.regularised?.length ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("detail.regularisationTitle")}</h2>
          <ul className="list-inside list-disc text-slate-800">
            {explanation.regularised.map((r) => (
              <li key={r.billId}>
                {t("detail.regularisationRow", {
                  billNo: r.billNo,
                  period: formatPeriod(r.periodStart, r.periodEnd, locale),
                  billed: formatDecimal(r.billedConsumption, locale),
                  actual: formatDecimal(r.actualConsumption, locale),
                  unit,
                })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {detail.history.length > 1 ? (
        <Card>
          <ConsumptionChart
            points={detail.history.map((h) => ({
              label: monthLabel(h.periodEnd),
              shortLabel: monthNumber(h.periodEnd),
              value: Math.round(Number(h.consumption)),
              lastYear: null,
            }))}
            unit={unit}
            locale={locale}
            title={t("detail.chartTitle")}
            lastYearLabel={t("detail.chartLastYear")}
          />
        </Card>
      ) : null}
    </article>
  );
}
