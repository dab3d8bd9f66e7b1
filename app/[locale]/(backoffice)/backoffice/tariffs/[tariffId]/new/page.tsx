import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/backoffice/admin-ui";
import { BillingForm } from "@/components/backoffice/billing/billing-form";
import { BillingIntl } from "@/components/backoffice/billing/billing-intl";
import { day } from "@/components/backoffice/billing/format";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { EXTRA_BLOCK_ROWS } from "@/lib/billing/admin-tariff-form";
import { getTariffAdmin, lastBilledUntil } from "@/lib/billing/admin-tariffs";
import { addMonths, cycleOf, localDate } from "@/lib/billing/dates";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { createTariffDraftAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.tariffs"))("newDraft") };
}

const small = `${inputClass} ltr-nums min-w-0`;

/** A new draft version, starting from an existing one (the one in force by default). */
export default async function NewTariffVersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; tariffId: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const [{ locale: raw, tariffId }, { from }] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("tariffs"));
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const db = getDb();
  const tariff = await getTariffAdmin(db, { tariffId, today });
  if (!tariff) notFound();
  const base =
    tariff.versions.find((v) => v.id === from) ??
    tariff.versions.find((v) => v.id === tariff.inForceId) ??
    tariff.versions[0];
  if (!base) notFound();
  const billed = await lastBilledUntil(db, tariff.id);
  const latest = tariff.versions.filter((v) => v.status === "published")[0]?.effectiveFrom;
  const after = [latest, billed, today].filter(Boolean).sort().at(-1)!;
  const suggested = addMonths(cycleOf(after), 1);

  const [t, tv, tu] = await Promise.all([
    getTranslations("billingAdmin.draft"),
    getTranslations("billingAdmin.version"),
    getTranslations("billingAdmin.common.units"),
  ]);
  const d = base.definition;
  const unit = tu(d.unit);
  const rows = [...d.blocks, ...Array.from({ length: EXTRA_BLOCK_ROWS }, () => null)];
  const field = "flex min-w-0 flex-col gap-1 text-sm font-semibold text-slate-800";

  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        lead={t("lead", { date: day(base.effectiveFrom, locale), after: day(after, locale) })}
      >
        {t("title", { code: tariff.code })}
      </PageTitle>
      <BillingIntl locale={locale}>
        <BillingForm action={createTariffDraftAction} submitLabel={t("save")} testId="tariff-draft">
          <input type="hidden" name="tariffId" value={tariff.id} />
          <Card className="grid gap-4 sm:grid-cols-2">
            <label className={field}>
              {t("effectiveFrom")}
              <input
                name="effectiveFrom"
                type="date"
                required
                defaultValue={suggested}
                className={inputClass}
              />
            </label>
            <label className={field}>
              {t("note")}
              <input name="note" maxLength={500} className={inputClass} />
            </label>
          </Card>

          <Card className="flex flex-col gap-3">
            <h2 className="text-lg font-bold">{tv("mode")}</h2>
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <label className={field}>
                {tv("mode")}
                <select name="mode.kind" defaultValue={d.mode.kind} className={inputClass}>
                  {(["progressive", "selective", "progressive_up_to"] as const).map((k) => (
                    <option key={k} value={k}>
                      {tv(`modes.${k}`, { limit: "…", unit })}
                    </option>
                  ))}
                </select>
              </label>
              <label className={field}>
                {`${tv("to")} (${unit})`}
                <input
                  name="mode.limit"
                  inputMode="decimal"
                  dir="ltr"
                  defaultValue={d.mode.kind === "progressive_up_to" ? d.mode.limit : ""}
                  className={small}
                />
              </label>
            </div>
          </Card>

          <Card className="flex flex-col gap-3">
            <h2 className="text-lg font-bold">{tv("blocks")}</h2>
            <p className="text-sm text-slate-600">{t("blocksHint")}</p>
            <ol className="flex flex-col gap-3">
              {rows.map((b, i) => (
                <li
                  key={i}
                  className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[5rem_repeat(4,minmax(0,1fr))] sm:items-end"
                >
                  <span className="col-span-2 text-sm font-bold sm:col-span-1 sm:self-center">
                    {tv("block")} {i + 1}
                  </span>
                  <label className={field}>
                    {`${tv("from")} (${unit})`}
                    <input
                      name={`blocks.${i}.from`}
                      inputMode="decimal"
                      dir="ltr"
                      defaultValue={b?.from ?? ""}
                      className={small}
                    />
                  </label>
                  <label className={field}>
                    {`${tv("to")} (${unit})`}
                    <input
                      name={`blocks.${i}.to`}
                      inputMode="decimal"
                      dir="ltr"
                      defaultValue={b?.to ?? ""}
                      className={small}
                    />
                  </label>
                  <label className={field}>
                    {`${tv("price")} (${d.currency})`}
                    <input
                      name={`blocks.${i}.price`}
                      inputMode="decimal"
                      dir="ltr"
                      defaultValue={b?.price ?? ""}
                      className={small}
                    />
                  </label>
                  <label className={field}>
                    {tv("tolerance")}
                    <input
                      name={`blocks.${i}.selectiveTolerance`}
                      inputMode="decimal"
                      dir="ltr"
                      defaultValue={b?.selectiveTolerance ?? ""}
                      className={small}
                    />
                  </label>
                </li>
              ))}
            </ol>
          </Card>

          <Card className="flex flex-col gap-3">
            <h2 className="text-lg font-bold">{tv("vat")}</h2>
            <p className="text-sm text-slate-600">{t("rateHint")}</p>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(["consumption", "surcharge", "fixed", "statutory_tax"] as const).map((k) => (
                <label key={k} className={field}>
                  {tv(`vatKinds.${k}`)}
                  <input
                    name={`vat.${k}`}
                    inputMode="decimal"
                    dir="ltr"
                    defaultValue={d.vat[k] ?? ""}
                    placeholder={k === "consumption" ? "" : tv("sameAsConsumption")}
                    className={small}
                  />
                </label>
              ))}
            </div>
          </Card>

          {d.surcharges?.length || d.fixedCharges?.length || d.statutoryTaxes?.length ? (
            <Card className="flex flex-col gap-4">
              {d.surcharges?.length ? (
                <fieldset className="flex flex-col gap-2">
                  <legend className="mb-2 text-lg font-bold">{tv("surcharges")}</legend>
                  {d.surcharges.map((s, i) => (
                    <label key={s.code} className={field}>
                      {`${s.code} — ${tv("perUnit")}`}
                      <input
                        name={`surcharges.${i}.perUnit`}
                        dir="ltr"
                        defaultValue={s.perUnit}
                        className={small}
                      />
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {d.fixedCharges?.length ? (
                <fieldset className="flex flex-col gap-2">
                  <legend className="mb-2 text-lg font-bold">{tv("fixedCharges")}</legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    {d.fixedCharges.flatMap((f, i) =>
                      Object.entries(f.monthlyByCalibre).map(([calibre, price]) => (
                        <label key={`${f.code}-${calibre}`} className={field}>
                          {`${f.code} — ${tv("calibre")} ${calibre} (${d.currency})`}
                          <input
                            name={`fixedCharges.${i}.monthlyByCalibre.${calibre}`}
                            dir="ltr"
                            defaultValue={price}
                            className={small}
                          />
                        </label>
                      )),
                    )}
                  </div>
                </fieldset>
              ) : null}
              {d.statutoryTaxes?.length ? (
                <fieldset className="flex flex-col gap-2">
                  <legend className="mb-2 text-lg font-bold">{tv("statutoryTaxes")}</legend>
                  {d.statutoryTaxes.map((tax, i) => (
                    <div key={tax.code} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                      {tax.bands.map((b, j) => (
                        <label key={j} className={field}>
                          {`${tax.code} ${b.from}–${b.to ?? "∞"}`}
                          <input
                            name={`statutoryTaxes.${i}.bands.${j}.rate`}
                            dir="ltr"
                            defaultValue={b.rate}
                            className={small}
                          />
                        </label>
                      ))}
                      <label className={field}>
                        {`${tv("exemptUpTo")} (${unit})`}
                        <input
                          name={`statutoryTaxes.${i}.exemptUpTo`}
                          dir="ltr"
                          defaultValue={tax.exemptUpTo ?? ""}
                          className={small}
                        />
                      </label>
                      <label className={field}>
                        {`${tv("capPerMonth")} (${d.currency})`}
                        <input
                          name={`statutoryTaxes.${i}.capPerMonth`}
                          dir="ltr"
                          defaultValue={tax.capPerMonth ?? ""}
                          className={small}
                        />
                      </label>
                    </div>
                  ))}
                </fieldset>
              ) : null}
            </Card>
          ) : null}

          <details className="rounded-xl border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t("advanced")}</summary>
            <p className="mt-2 text-sm text-slate-600">{t("advancedHint")}</p>
            <textarea
              name="definitionJson"
              dir="ltr"
              rows={16}
              spellCheck={false}
              defaultValue={JSON.stringify(d, null, 2)}
              className={`${inputClass} mt-2 font-mono text-xs`}
            />
          </details>
        </BillingForm>
      </BillingIntl>
    </div>
  );
}
