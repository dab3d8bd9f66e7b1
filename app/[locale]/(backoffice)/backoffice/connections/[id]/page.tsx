import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/backoffice/admin-ui";
import { ConnectionsIntl } from "@/components/connections/connections-intl";
import { StageTimeline } from "@/components/connections/stage-timeline";
import { ActionForm } from "@/components/forms/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { priceListLines } from "@/lib/connections/clerk-actions";
import { getRequestDetail } from "@/lib/connections/queries";
import { FLOWS, isTerminal, nextStage, type Stage } from "@/lib/connections/stages";
import { localName } from "@/lib/connections/types";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import {
  acceptDocumentsAction,
  activateAction,
  askDocumentsAction,
  finalReadingAction,
  installMeterAction,
  issueQuoteAction,
  moveToAction,
  rejectAction,
  scheduleAction,
  terminationStepAction,
} from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections.admin"))("title") };
}

const label = "flex flex-col gap-1 text-sm font-semibold";

export default async function StaffConnectionPage({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale, rolesFor("connections"));
  const db = getDb();
  const detail = await getRequestDetail(db, { requestId: id, access: { staff } });
  if (!detail) notFound();
  const [t, utility] = await Promise.all([getTranslations("connections"), getCurrentUtility()]);
  const { request, item, type } = detail;
  const stage = request.stage as Stage;
  const next = nextStage(type.family, stage);
  const applicant = request.applicant as Record<string, string>;
  const price = next === "quote_issued" ? await priceListLines(db, request) : null;
  const flow: readonly string[] = FLOWS[type.family];
  const earlier = flow.slice(0, Math.max(0, flow.indexOf(stage)));
  const hidden = <input type="hidden" name="requestId" value={request.id} />;
  const form = (
    action: Parameters<typeof ActionForm>[0]["action"],
    submit: string,
    children?: React.ReactNode,
    variant?: "primary" | "secondary" | "danger",
  ) => (
    <ActionForm
      action={action}
      submitLabel={submit}
      successText={t("admin.done")}
      variant={variant}
    >
      {hidden}
      {children}
    </ActionForm>
  );
  const schedule = (what: "visit" | "works") =>
    form(
      scheduleAction,
      t(what === "visit" ? "admin.scheduleVisit" : "admin.scheduleWorks"),
      <div className="flex flex-wrap gap-3">
        <input type="hidden" name="what" value={what} />
        <label className={label}>
          {t("admin.date")}
          <input type="date" name="date" required className={inputClass} />
        </label>
        <label className={label}>
          {t("admin.slot")}
          <select name="slot" className={inputClass}>
            <option value="morning">{t("slot.morning")}</option>
            <option value="afternoon">{t("slot.afternoon")}</option>
          </select>
        </label>
      </div>,
    );
  const simple = (to: Stage, text: string) =>
    form(moveToAction, text, <input type="hidden" name="to" value={to} />);

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={<span className="ltr-nums font-mono">{item.number}</span>}>
        {localName(type, locale)} · {t(`stages.${stage}` as never)}
      </PageTitle>
      <ConnectionsIntl locale={locale}>
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <div className="flex flex-col gap-6">
            <Card>
              <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="text-sm text-slate-600">{t("admin.applicant")}</dt>
                <dd>
                  <bdi>{applicant.name}</bdi> · <bdi>{applicant.nationalId}</bdi> ·{" "}
                  <bdi>{applicant.phone}</bdi> · <bdi>{applicant.email}</bdi>
                </dd>
                <dt className="text-sm text-slate-600">{t("admin.premises")}</dt>
                <dd>
                  <bdi>
                    {request.addressLine}, {request.city}
                  </bdi>{" "}
                  · {t(`use.${request.use}` as never)}
                </dd>
                {request.latitude ? (
                  <>
                    <dt className="text-sm text-slate-600">{t("admin.gps")}</dt>
                    <dd className="ltr-nums">
                      <bdi>
                        {request.latitude}, {request.longitude}
                      </bdi>
                    </dd>
                  </>
                ) : null}
                <dt className="text-sm text-slate-600">{t("form.service")}</dt>
                <dd>
                  {t(`service.${request.service}`)}
                  {request.detail ? ` · ${request.detail}` : ""}
                </dd>
                {detail.contract ? (
                  <>
                    <dt className="text-sm text-slate-600">{t("contract")}</dt>
                    <dd className="ltr-nums font-mono">
                      {detail.contract.contractNo} ({detail.contract.status})
                    </dd>
                  </>
                ) : null}
                {request.visitAt ? (
                  <>
                    <dt className="text-sm text-slate-600">{t("visit")}</dt>
                    <dd>
                      {request.visitAt.toISOString().slice(0, 10)} ·{" "}
                      {t(`slot.${request.visitSlot ?? "morning"}` as never)}
                    </dd>
                  </>
                ) : null}
              </dl>
            </Card>

            <Card>
              <h2 className="mb-3 text-lg font-bold">{t("documents")}</h2>
              <ul className="flex flex-col gap-2" data-testid="documents-viewer">
                {type.documents.map((d) => {
                  const given = detail.documents.find((g) => g.docCode === d.code);
                  return (
                    <li
                      key={d.code}
                      className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-2"
                    >
                      <span>
                        {localName(d, locale)}
                        {d.required ? " *" : ""}
                      </span>
                      <span className="flex items-center gap-3 text-sm">
                        {given ? t(`documentStatus.${given.status}`) : "—"}
                        {given?.hasFile ? (
                          <a
                            className="font-semibold text-brand-700 underline"
                            target="_blank"
                            rel="noopener"
                            href={`/api/connections/documents/${given.id}`}
                          >
                            <bdi>{given.fileName ?? t("download")}</bdi>
                          </a>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Card>

            {!isTerminal(stage) ? (
              <Card>
                <h2 className="mb-3 text-lg font-bold">{t("admin.checklist")}</h2>
                <div className="flex flex-col gap-6" data-testid="stage-actions">
                  {stage === "submitted" && type.family !== "termination" ? (
                    <>
                      {form(acceptDocumentsAction, t("admin.acceptDocuments"))}
                      {form(
                        askDocumentsAction,
                        t("admin.askDocuments"),
                        <>
                          {type.documents.map((d) => (
                            <label
                              key={d.code}
                              className="flex flex-wrap items-center justify-between gap-2 text-sm"
                            >
                              {localName(d, locale)}
                              <select
                                name={`doc_${d.code}`}
                                className={inputClass + " max-w-48"}
                                defaultValue=""
                              >
                                <option value="">—</option>
                                <option value="missing">{t("documentStatus.missing")}</option>
                                <option value="unreadable">{t("documentStatus.unreadable")}</option>
                              </select>
                            </label>
                          ))}
                          <label className={label}>
                            {t("admin.note")}
                            <textarea
                              name="note"
                              rows={2}
                              maxLength={1000}
                              className={inputClass}
                            />
                          </label>
                        </>,
                        "secondary",
                      )}
                    </>
                  ) : null}
                  {next === "visit_scheduled" ? schedule("visit") : null}
                  {next === "visit_done" ? simple("visit_done", t("admin.visitDone")) : null}
                  {next === "quote_issued" && price
                    ? form(
                        issueQuoteAction,
                        t("admin.issueQuote"),
                        <>
                          <p className="text-sm text-slate-600">{t("admin.quoteHint")}</p>
                          {price.lines.map((l) => (
                            <label
                              key={l.kind}
                              className="flex flex-wrap items-center justify-between gap-2 text-sm"
                            >
                              {t(`quoteLines.${l.kind}`)} ({price.currency})
                              <input
                                name={`line_${l.kind}`}
                                inputMode="decimal"
                                defaultValue={(l.amountMinor / 100).toFixed(2)}
                                className={inputClass + " ltr-nums max-w-40"}
                              />
                            </label>
                          ))}
                        </>,
                      )
                    : null}
                  {stage === "quote_issued" ? <p>{t("admin.waitingPayment")}</p> : null}
                  {next === "works_scheduled" ? schedule("works") : null}
                  {next === "works_done" ? simple("works_done", t("admin.worksDone")) : null}
                  {next === "meter_installed"
                    ? form(
                        installMeterAction,
                        t("admin.installMeter"),
                        <div className="flex flex-wrap gap-3">
                          <label className={label}>
                            {t("admin.serial")}
                            <input name="serial" required className={inputClass} />
                          </label>
                          <label className={label}>
                            {t("admin.initialIndex")}
                            <input
                              name="initialIndex"
                              inputMode="numeric"
                              defaultValue="0"
                              className={inputClass + " ltr-nums"}
                            />
                          </label>
                        </div>,
                      )
                    : null}
                  {next === "contract_activated" ? form(activateAction, t("admin.activate")) : null}
                  {next === "final_reading"
                    ? form(
                        finalReadingAction,
                        t("admin.finalReading"),
                        <div className="flex flex-wrap gap-3">
                          <label className={label}>
                            {t("admin.index")}
                            <input
                              name="index"
                              inputMode="numeric"
                              required
                              className={inputClass + " ltr-nums"}
                            />
                          </label>
                          <label className={label}>
                            {t("admin.source")}
                            <select name="source" className={inputClass}>
                              <option value="agent">{t("admin.sourceAgent")}</option>
                              <option value="self">{t("admin.sourceSelf")}</option>
                            </select>
                          </label>
                        </div>,
                      )
                    : null}
                  {next === "final_bill" || next === "deposit_settled" || next === "contract_closed"
                    ? form(
                        terminationStepAction,
                        t(
                          next === "final_bill"
                            ? "admin.finalBill"
                            : next === "deposit_settled"
                              ? "admin.settleDeposit"
                              : "admin.closeContract",
                        ),
                        <input type="hidden" name="step" value={next} />,
                      )
                    : null}
                  {earlier.length
                    ? form(
                        moveToAction,
                        t("admin.goBack"),
                        <div className="flex flex-wrap gap-3">
                          <select name="to" className={inputClass + " max-w-64"}>
                            {earlier.map((s) => (
                              <option key={s} value={s}>
                                {t(`stages.${s}` as never)}
                              </option>
                            ))}
                          </select>
                          <label className={label}>
                            {t("admin.reason")}
                            <input name="reason" required maxLength={1000} className={inputClass} />
                          </label>
                        </div>,
                        "secondary",
                      )
                    : null}
                  {form(
                    rejectAction,
                    t("admin.reject"),
                    <label className={label}>
                      {t("admin.reason")}
                      <textarea
                        name="reason"
                        required
                        rows={2}
                        maxLength={1000}
                        className={inputClass}
                      />
                    </label>,
                    "danger",
                  )}
                </div>
              </Card>
            ) : null}
          </div>
          <Card>
            <h2 className="mb-3 text-lg font-bold">{t("timeline")}</h2>
            <StageTimeline history={detail.history} locale={locale} timeZone={utility.timeZone} />
            <p className="mt-3 text-sm text-slate-600">
              {t("filedOn")} <bdi>{formatDateTime(item.createdAt, locale, utility.timeZone)}</bdi>
            </p>
          </Card>
        </div>
      </ConnectionsIntl>
    </div>
  );
}
