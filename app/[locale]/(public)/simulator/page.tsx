import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PricedLineRow, PricedTotals } from "@/components/billing/priced-lines";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { addDays } from "@/lib/billing/dates";
import {
  formatDay,
  formatDecimal,
  formatMoney,
  formatRate,
  lineLabel,
  lineWhy,
  unitLabel,
} from "@/lib/billing/present";
import {
  MAX_SIMULATED_DAYS,
  simulateBill,
  simulationSchema,
  type Simulation,
} from "@/lib/billing/simulate";
import { listPublishedTariffs } from "@/lib/billing/tariff-store";
import { utilityToday } from "@/lib/billing/today";
import { isAppError } from "@/lib/errors";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.simulator"))("title") };
}

/**
 * The bill simulator: public, no sign-in, no client JavaScript. A GET form, so a result can be
 * bookmarked or shared, priced on the server with the same engine as real bills.
 */
export default async function SimulatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ tariff?: string; consumption?: string; days?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const query = await searchParams;
  const db = getDb();
  const [t, utility, tariffs] = await Promise.all([
    getTranslations("billing.simulator"),
    getCurrentUtility(),
    listPublishedTariffs(db),
  ]);
  const tx = translator(locale);
  const today = utilityToday(utility.timeZone);
  const name = (x: (typeof tariffs)[number]) =>
    locale === "ar" ? x.nameAr : locale === "fr" ? x.nameFr : x.nameEn;
  const selected = tariffs.find((x) => x.code === query.tariff) ?? tariffs[0];

  const errors: { tariff?: string; consumption?: string; days?: string } = {};
  let result: Simulation | null = null;
  const submitted = query.consumption !== undefined;
  if (submitted) {
    if (!tariffs.some((x) => x.code === query.tariff)) errors.tariff = t("errors.tariff");
    const daysText = toAsciiDigits((query.days ?? "").trim().slice(0, 10)) || "30";
    const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
    if (!(days >= 1 && days <= MAX_SIMULATED_DAYS)) errors.days = t("errors.days");
    const parsed = simulationSchema.safeParse({
      tariffCode: query.tariff ?? "",
      consumption: query.consumption ?? "",
    });
    if (!parsed.success) errors.consumption = t("errors.consumption");
    if (parsed.success && !errors.tariff && !errors.days) {
      try {
        result = await simulateBill(
          db,
          { ...parsed.data, periodStart: today, periodEnd: addDays(today, days) },
          today,
        );
      } catch (error) {
        if (!isAppError(error)) throw error;
        errors.consumption = t("errors.consumption");
      }
    }
  }
  const money = (minor: number) => formatMoney(minor, result?.priced.currency ?? "MAD", locale);
  const unit = unitLabel(tx, selected?.service === "electricity" ? "kWh" : "m3");

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <form method="get" className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
          <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold sm:col-span-2">
            {t("tariff")}
            <select
              name="tariff"
              defaultValue={selected?.code}
              aria-invalid={errors.tariff ? true : undefined}
              aria-describedby={errors.tariff ? "tariff-error" : undefined}
              className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base font-normal"
            >
              {tariffs.map((x) => (
                <option key={x.code} value={x.code}>
                  {name(x)} ({x.currency})
                </option>
              ))}
            </select>
            {errors.tariff ? (
              <span id="tariff-error" role="alert" className="text-sm text-red-700">
                {errors.tariff}
              </span>
            ) : null}
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold">
            {t("consumption")}
            <input
              name="consumption"
              inputMode="decimal"
              autoComplete="off"
              maxLength={20}
              defaultValue={query.consumption ?? ""}
              aria-invalid={errors.consumption ? true : undefined}
              aria-describedby="consumption-hint consumption-error"
              className="ltr-nums min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base font-normal aria-invalid:border-red-600"
            />
            <span id="consumption-hint" className="text-sm font-normal text-slate-600">
              {t("consumptionHint", { unit: "kWh / m³" })}
            </span>
            {errors.consumption ? (
              <span id="consumption-error" role="alert" className="text-sm text-red-700">
                {errors.consumption}
              </span>
            ) : null}
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold">
            {t("days")}
            <input
              name="days"
              inputMode="numeric"
              maxLength={3}
              defaultValue={query.days ?? "30"}
              aria-invalid={errors.days ? true : undefined}
              aria-describedby="days-hint days-error"
              className="ltr-nums min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base font-normal aria-invalid:border-red-600"
            />
            <span id="days-hint" className="text-sm font-normal text-slate-600">
              {t("daysHint")}
            </span>
            {errors.days ? (
              <span id="days-error" role="alert" className="text-sm text-red-700">
                {errors.days}
              </span>
            ) : null}
          </label>
          <button
            type="submit"
            className={buttonClass("primary", "sm:col-span-2 sm:justify-self-start")}
          >
            {t("submit")}
          </button>
        </form>
      </Card>

      {result ? (
        <Card>
          <section data-testid="simulation" aria-live="polite">
            <h2 className="text-lg font-bold">
              {t("resultTitle", {
                consumption: formatDecimal(result.consumption, locale),
                unit: unitLabel(tx, result.unit),
                days: result.days,
              })}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {result.priced.mode === "selective"
                ? t("mode.selective", { tranche: result.priced.trancheReached })
                : t("mode.progressive")}
            </p>
            <ul className="mt-3 flex flex-col divide-y divide-slate-100">
              {result.priced.lines.map((l, i) => {
                const why = lineWhy(
                  tx,
                  {
                    ...l,
                    mode: l.mode ?? null,
                    block: l.block ?? null,
                    blockFrom: l.blockFrom ?? null,
                    blockTo: l.blockTo ?? null,
                  },
                  locale,
                );
                return (
                  <PricedLineRow
                    key={i}
                    label={lineLabel(tx, l)}
                    total={money(l.totalMinor)}
                    why={why}
                  >
                    <bdi className="ltr-nums">{formatDecimal(l.quantity, locale)}</bdi>{" "}
                    {unitLabel(tx, l.unit)} ×{" "}
                    <bdi className="ltr-nums">{formatDecimal(l.unitPrice, locale, 2)}</bdi> ·{" "}
                    {tx("billing.detail.colTax")}{" "}
                    <bdi className="ltr-nums">
                      {formatRate(l.taxRate, locale)} {money(l.taxMinor)}
                    </bdi>
                  </PricedLineRow>
                );
              })}
            </ul>
            <PricedTotals
              testId="simulation-total"
              rows={[
                {
                  label: tx("billing.detail.totalBeforeTax"),
                  amount: money(result.priced.totalBeforeTaxMinor),
                },
                { label: tx("billing.detail.tax"), amount: money(result.priced.taxMinor) },
                {
                  label: tx("billing.detail.totalInclTax"),
                  amount: money(result.priced.totalMinor),
                  tone: "total",
                },
              ]}
            />
            {result.days !== 30 ? (
              <p className="mt-2 text-sm text-slate-600">
                {tx("billing.why.normalised", { days: result.days })}
              </p>
            ) : null}
            <p className="mt-3 text-sm text-slate-600">{t("disclaimer")}</p>
          </section>
        </Card>
      ) : null}
      {selected ? (
        <p className="text-sm text-slate-600">
          {name(selected)} —{" "}
          {t("effectiveFrom", { date: formatDay(selected.effectiveFrom, locale) })}
          {" · "}
          {unit}
        </p>
      ) : null}
    </div>
  );
}
