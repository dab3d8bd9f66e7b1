import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ServiceIcon } from "@/components/contracts/service-icon";
import { ReadingForm } from "@/components/readings/reading-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listAccountContracts } from "@/lib/contracts/queries";
import { formatDate, formatInteger } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { submitReadingAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("readings"))("title") };
}

export default async function NewReadingPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ contract?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, tc, contracts, utility, { contract: wanted }] = await Promise.all([
    getTranslations("readings"),
    getTranslations("contracts"),
    listAccountContracts(getDb(), { userId: user.id }),
    getCurrentUtility(),
    searchParams,
  ]);
  const withMeter = contracts.filter((c) => c.meters.length > 0 && c.status === "active");
  const selected = withMeter.find((c) => c.id === wanted) ?? withMeter[0];
  const meter = selected?.meters[0];
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {withMeter.length > 1 ? (
        <nav aria-label={t("contract")} className="flex flex-wrap gap-2">
          {withMeter.map((c) => (
            <Link
              key={c.id}
              href={`/readings/new?contract=${c.id}`}
              aria-current={c.id === selected?.id ? "page" : undefined}
              className="flex items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
            >
              <ServiceIcon service={c.service} className="size-5" />
              {tc(`service.${c.service}`)} · <span className="ltr-nums">{c.contractNo}</span>
            </Link>
          ))}
        </nav>
      ) : null}
      {selected && meter ? (
        <Card className="flex flex-col gap-4">
          <p className="text-sm text-slate-600">
            {tc(`service.${selected.service}`)} ·{" "}
            <span className="ltr-nums">{selected.contractNo}</span> ·{" "}
            {t("meter", { serial: `\u2068${meter.serial}\u2069`, dials: meter.dials })}
          </p>
          <ReadingForm
            action={submitReadingAction}
            idempotencyKey={randomUUID()}
            meter={{
              contractNo: selected.contractNo,
              serial: meter.serial,
              unit: tc(`unit.${selected.service}`),
              registers: meter.registers.map((r) => ({
                name: r.name,
                label: tc(`register.${r.name}`),
                previous:
                  r.lastIndex !== null && r.lastReadAt
                    ? t("previous", {
                        index: formatInteger(r.lastIndex, locale),
                        date: formatDate(r.lastReadAt, locale, utility.timeZone),
                      })
                    : t("noPrevious"),
              })),
            }}
          />
        </Card>
      ) : (
        <Card>
          <p>{(await getTranslations("dashboard"))("emptyBody")}</p>
        </Card>
      )}
    </div>
  );
}
