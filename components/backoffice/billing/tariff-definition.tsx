import { getTranslations } from "next-intl/server";
import type { TariffDefinition } from "@/lib/billing/engine/types";
import type { Locale } from "@/lib/i18n/locales";
import { intlTag } from "@/lib/i18n/format";
import { TableScroll, td, th } from "./format";

function percent(rate: string, locale: Locale): string {
  // Display only: the engine keeps the exact decimal string.
  return new Intl.NumberFormat(intlTag(locale), {
    style: "percent",
    maximumFractionDigits: 3,
  }).format(Number(rate));
}

const Num = ({ children }: { children: string }) => (
  <bdi className="ltr-nums" dir="ltr">
    {children}
  </bdi>
);

/** A tariff version's definition as an administrator reads it, not as JSON. */
export async function TariffDefinitionView({
  definition: d,
  locale,
}: {
  definition: TariffDefinition;
  locale: Locale;
}) {
  const t = await getTranslations("billingAdmin.version");
  const tu = await getTranslations("billingAdmin.common.units");
  const unit = tu(d.unit);
  const mode =
    d.mode.kind === "progressive_up_to"
      ? t("modes.progressive_up_to", { limit: d.mode.limit, unit })
      : t(`modes.${d.mode.kind}`);
  const section = "flex flex-col gap-2";
  const h3 = "text-base font-bold text-slate-900";
  return (
    <div className="flex flex-col gap-5">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("mode")}</dt>
        <dd>{mode}</dd>
        <dt className="font-semibold">{t("priceBasis")}</dt>
        <dd>
          {t(`priceBases.${d.priceBasis}`)} · {d.currency}/{unit}
        </dd>
        <dt className="font-semibold">{t("rounding")}</dt>
        <dd>{t(`roundings.${d.rounding}`)}</dd>
        {d.source ? (
          <>
            <dt className="font-semibold">{t("source")}</dt>
            <dd className="text-slate-700">{d.source}</dd>
          </>
        ) : null}
      </dl>

      <section className={section}>
        <h3 className={h3}>{t("blocks")}</h3>
        <TableScroll>
          <table className="w-full min-w-[26rem] text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th className={th}>{t("block")}</th>
                <th className={th}>{t("from")}</th>
                <th className={th}>{t("to")}</th>
                <th className={th}>{t("price")}</th>
                <th className={th}>{t("tolerance")}</th>
              </tr>
            </thead>
            <tbody>
              {d.blocks.map((b, i) => (
                <tr key={i} className="border-b border-slate-100 last:border-0">
                  <td className={td}>{i + 1}</td>
                  <td className={td}>
                    <Num>{b.from}</Num>
                  </td>
                  <td className={td}>{b.to === null ? t("openEnded") : <Num>{b.to}</Num>}</td>
                  <td className={td}>
                    <Num>{b.price}</Num>
                  </td>
                  <td className={td}>
                    {b.selectiveTolerance ? <Num>{b.selectiveTolerance}</Num> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className={section}>
        <h3 className={h3}>{t("vat")}</h3>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(["consumption", "surcharge", "fixed", "statutory_tax"] as const).map((kind) => (
            <li key={kind}>
              <span className="font-semibold">{t(`vatKinds.${kind}`)}</span>:{" "}
              {d.vat[kind] !== undefined ? (
                <Num>{percent(d.vat[kind]!, locale)}</Num>
              ) : (
                t("sameAsConsumption")
              )}
            </li>
          ))}
        </ul>
      </section>

      {d.surcharges?.length ? (
        <section className={section}>
          <h3 className={h3}>{t("surcharges")}</h3>
          <ul className="text-sm">
            {d.surcharges.map((s) => (
              <li key={s.code}>
                <Num>{s.code}</Num> — {t("perUnit")} <Num>{s.perUnit}</Num>
                {s.vatRate !== undefined ? (
                  <>
                    {" "}
                    · {t("vat")} <Num>{percent(s.vatRate, locale)}</Num>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.fixedCharges?.length ? (
        <section className={section}>
          <h3 className={h3}>{t("fixedCharges")}</h3>
          {d.fixedCharges.map((f) => (
            <div key={f.code} className="text-sm">
              <p className="font-semibold">
                <Num>{f.code}</Num>
                {f.priceBasis ? ` · ${t(`priceBases.${f.priceBasis}`)}` : ""}
                {f.vatRate !== undefined ? ` · ${t("vat")} ${percent(f.vatRate, locale)}` : ""}
              </p>
              <ul className="flex flex-wrap gap-x-4">
                {Object.entries(f.monthlyByCalibre).map(([calibre, price]) => (
                  <li key={calibre}>
                    {t("calibre")} <Num>{calibre}</Num>
                    {calibre === f.defaultCalibre ? ` (${t("defaultCalibre")})` : ""}:{" "}
                    <Num>{price}</Num>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      {d.statutoryTaxes?.length ? (
        <section className={section}>
          <h3 className={h3}>{t("statutoryTaxes")}</h3>
          {d.statutoryTaxes.map((tax) => (
            <div key={tax.code} className="flex flex-col gap-1 text-sm">
              <p className="font-semibold">
                <Num>{tax.code}</Num>
                {tax.priceBasis ? ` · ${t(`priceBases.${tax.priceBasis}`)}` : ""}
              </p>
              <ul className="flex flex-wrap gap-x-4">
                {tax.bands.map((b, i) => (
                  <li key={i}>
                    <Num>{`${b.from}–${b.to ?? "∞"}`}</Num> {unit}: <Num>{b.rate}</Num>
                  </li>
                ))}
              </ul>
              <p>
                {tax.exemptUpTo !== undefined ? (
                  <>
                    {t("exemptUpTo")} <Num>{tax.exemptUpTo}</Num> {unit}
                  </>
                ) : null}
                {tax.capPerMonth !== undefined ? (
                  <>
                    {" "}
                    · {t("capPerMonth")} <Num>{tax.capPerMonth}</Num> {d.currency}
                  </>
                ) : null}
              </p>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
