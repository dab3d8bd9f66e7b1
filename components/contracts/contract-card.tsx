import { getTranslations } from "next-intl/server";
import type { ContractSummary } from "@/lib/contracts/queries";
import { formatDate, formatInteger } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { ServiceIcon } from "./service-icon";

/** One contract on the dashboard: what it supplies, where, and the meter's last index. */
export async function ContractCard({
  contract,
  locale,
  timeZone,
}: {
  contract: ContractSummary;
  locale: Locale;
  timeZone: string;
}) {
  const t = await getTranslations("contracts");
  return (
    <article
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs"
      data-testid="contract-card"
    >
      <header className="flex items-start gap-3">
        <ServiceIcon service={contract.service} className="mt-1 size-7 shrink-0" />
        <div className="min-w-0 flex-1">
          <h3 className="text-lg font-bold">{t(`service.${contract.service}`)}</h3>
          <p className="text-sm text-slate-600">
            {t("contractNo")}{" "}
            <span className="ltr-nums font-mono font-semibold text-slate-900">
              {contract.contractNo}
            </span>
          </p>
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${contract.status === "active" ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}
        >
          {t(`status.${contract.status}`)}
        </span>
      </header>
      <p className="text-slate-800" dir="auto">
        {t("address", { line: contract.premise.addressLine, city: contract.premise.city })}
      </p>
      {contract.meters.map((meter) => (
        <dl
          key={meter.id}
          className="grid grid-cols-2 gap-x-3 gap-y-1 rounded-lg bg-slate-50 p-3 text-sm"
        >
          <dt className="text-slate-600">{t("meter")}</dt>
          {/* The serial is the left-to-right run, not the cell: a left-to-right "text-end" is the
              right edge, which left it mid-card in Arabic instead of lined up with the index. */}
          <dd className="text-end font-mono">
            <bdi className="ltr-nums">{meter.serial}</bdi>
          </dd>
          {meter.registers.map((r) => (
            <div key={r.id} className="contents">
              <dt className="text-slate-600">
                {meter.registers.length > 1 ? t(`register.${r.name}`) : t("lastIndex")}
              </dt>
              <dd className="text-end">
                {r.lastIndex !== null ? (
                  <>
                    <span className="ltr-nums font-semibold">
                      {formatInteger(r.lastIndex, locale)}
                    </span>{" "}
                    <span className="text-slate-600">{t(`unit.${contract.service}`)}</span>
                    {r.lastReadAt ? (
                      <span className="block text-xs text-slate-500">
                        {formatDate(r.lastReadAt, locale, timeZone)}
                      </span>
                    ) : null}
                  </>
                ) : (
                  t("noReading")
                )}
              </dd>
            </div>
          ))}
        </dl>
      ))}
      <Link
        href={`/contracts/${contract.id}`}
        className="self-start font-semibold text-brand-700 underline"
      >
        {t("details")}
      </Link>
    </article>
  );
}
