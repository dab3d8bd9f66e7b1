import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompleteDocumentsForm } from "@/components/connections/complete-documents-form";
import { ConnectionsIntl } from "@/components/connections/connections-intl";
import { StageTimeline } from "@/components/connections/stage-timeline";
import { ActionForm } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { formatMoney } from "@/lib/billing/present";
import { getRequestDetail } from "@/lib/connections/queries";
import { localName } from "@/lib/connections/types";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { appealAction, completeDocumentsAction, payQuoteAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("title") };
}

export default async function ConnectionRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale: raw, id } = await params;
  const flags = await searchParams;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const detail = await getRequestDetail(getDb(), {
    requestId: id,
    access: { customerId: user.id },
  });
  if (!detail) notFound();
  const [t, utility] = await Promise.all([getTranslations("connections"), getCurrentUtility()]);
  const tz = utility.timeZone;
  const { request, item, type } = detail;
  const quote = detail.quotes.find((q) => q.status !== "cancelled");
  const docName = (code: string) => {
    const d = type.documents.find((x) => x.code === code);
    return d ? localName(d, locale) : code;
  };
  const asked = detail.documents.filter((d) => d.status === "missing" || d.status === "unreadable");
  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={<span className="ltr-nums font-mono">{item.number}</span>}>
        {localName(type, locale)}
      </PageTitle>
      {flags.filed ? (
        <Alert tone="success">{t("filedNotice", { number: item.number })}</Alert>
      ) : null}
      {flags.appealed && request.appealItemId ? (
        <Alert tone="success">{t("appealFiled")}</Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <Card>
            <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="text-sm text-slate-600">{t("stage")}</dt>
              <dd className="font-bold" data-testid="stage">
                {t(`stages.${request.stage}` as never)}
              </dd>
              <dt className="text-sm text-slate-600">{t("filedOn")}</dt>
              <dd>
                <bdi>{formatDateTime(item.createdAt, locale, tz)}</bdi>
              </dd>
              <dt className="text-sm text-slate-600">{t("deadline")}</dt>
              <dd>
                {item.status === "waiting_customer" && request.stage === "incomplete" ? (
                  t("deadlinePaused")
                ) : item.resolutionDueAt && item.status !== "resolved" ? (
                  <bdi>{formatDate(item.resolutionDueAt, locale, tz)}</bdi>
                ) : (
                  "—"
                )}
              </dd>
              {request.visitAt ? (
                <>
                  <dt className="text-sm text-slate-600">{t("visit")}</dt>
                  <dd data-testid="visit">
                    {formatDate(request.visitAt, locale, "UTC")},{" "}
                    {t(`slot.${request.visitSlot ?? "morning"}` as never)}
                  </dd>
                </>
              ) : null}
              {request.worksAt ? (
                <>
                  <dt className="text-sm text-slate-600">{t("works")}</dt>
                  <dd>{formatDate(request.worksAt, locale, "UTC")}</dd>
                </>
              ) : null}
              {detail.contract && request.stage === "contract_activated" ? (
                <>
                  <dt className="text-sm text-slate-600">{t("contract")}</dt>
                  <dd className="ltr-nums font-mono font-bold">{detail.contract.contractNo}</dd>
                </>
              ) : null}
            </dl>
            <div className="mt-4 flex flex-wrap gap-3">
              <a
                className={buttonClass("secondary")}
                href={`/api/connections/${request.id}/acknowledgement?lang=${locale}`}
              >
                {t("acknowledgement")}
              </a>
              {quote ? (
                <a
                  className={buttonClass("secondary")}
                  href={`/api/connections/${request.id}/quote?lang=${locale}`}
                >
                  {t("quotePdf")}
                </a>
              ) : null}
            </div>
          </Card>

          {request.stage === "incomplete" ? (
            <Card>
              <h2 className="text-lg font-bold">{t("missingTitle")}</h2>
              <p className="mb-3 text-slate-700">{t("missingLead")}</p>
              <ConnectionsIntl locale={locale}>
                <CompleteDocumentsForm
                  requestId={request.id}
                  documents={asked.map((d) => ({
                    code: d.docCode,
                    name: `${docName(d.docCode)} (${t(`documentStatus.${d.status}`)})`,
                  }))}
                  complete={completeDocumentsAction}
                />
              </ConnectionsIntl>
            </Card>
          ) : null}

          {quote ? (
            <Card>
              <h2 className="mb-3 text-lg font-bold">
                {t("quote")} <span className="ltr-nums font-mono">{quote.number}</span>
              </h2>
              <table className="w-full text-start" data-testid="quote">
                <tbody>
                  {quote.lines
                    .filter((l) => l.amountMinor > 0)
                    .map((l) => (
                      <tr key={l.kind} className="border-b border-slate-100">
                        <td className="py-2">{t(`quoteLines.${l.kind}`)}</td>
                        <td className="ltr-nums py-2 text-end">
                          <bdi>{formatMoney(l.amountMinor, quote.currency, locale)}</bdi>
                        </td>
                      </tr>
                    ))}
                  <tr>
                    <td className="py-2 font-bold">{t("total")}</td>
                    <td className="ltr-nums py-2 text-end font-bold">
                      <bdi>{formatMoney(quote.totalMinor, quote.currency, locale)}</bdi>
                    </td>
                  </tr>
                </tbody>
              </table>
              {quote.status === "issued" ? (
                <ConnectionsIntl locale={locale}>
                  <ActionForm
                    action={payQuoteAction}
                    submitLabel={t("payQuote")}
                    className="mt-4 flex flex-col gap-3"
                  >
                    <input type="hidden" name="requestId" value={request.id} />
                    <input type="hidden" name="idempotencyKey" value={`quote:${quote.id}`} />
                  </ActionForm>
                </ConnectionsIntl>
              ) : (
                <p className="mt-3 font-semibold text-green-800">{t("paid")}</p>
              )}
            </Card>
          ) : null}

          {request.stage === "rejected" ? (
            <Card>
              <h2 className="text-lg font-bold">{t("rejectedReason")}</h2>
              <p className="mb-3 whitespace-pre-line" data-testid="rejection">
                {request.rejectionReason}
              </p>
              {request.appealItemId ? (
                <p>{t("appealFiled")}</p>
              ) : (
                <ConnectionsIntl locale={locale}>
                  <ActionForm action={appealAction} submitLabel={t("appeal")}>
                    <input type="hidden" name="requestId" value={request.id} />
                    <label htmlFor="reason" className="text-sm font-semibold">
                      {t("appealText")}
                    </label>
                    <textarea
                      id="reason"
                      name="reason"
                      required
                      maxLength={2000}
                      rows={4}
                      className="rounded-lg border border-slate-300 px-3 py-2"
                    />
                  </ActionForm>
                </ConnectionsIntl>
              )}
            </Card>
          ) : null}

          <Card>
            <h2 className="mb-3 text-lg font-bold">{t("documents")}</h2>
            <ul className="flex flex-col gap-2">
              {type.documents.map((d) => {
                const given = detail.documents.find((g) => g.docCode === d.code);
                return (
                  <li key={d.code} className="flex flex-wrap items-center justify-between gap-2">
                    <span>{localName(d, locale)}</span>
                    <span className="flex items-center gap-3 text-sm">
                      {given ? t(`documentStatus.${given.status}`) : "—"}
                      {given?.hasFile ? (
                        <a
                          className="font-semibold text-brand-700 underline"
                          href={`/api/connections/documents/${given.id}`}
                        >
                          {t("download")}
                        </a>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>
        <Card>
          <h2 className="mb-3 text-lg font-bold">{t("timeline")}</h2>
          <StageTimeline history={detail.history} locale={locale} timeZone={tz} />
        </Card>
      </div>
    </div>
  );
}
