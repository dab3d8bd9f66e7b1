import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import { BillingForm } from "@/components/backoffice/billing/billing-form";
import { BillingIntl } from "@/components/backoffice/billing/billing-intl";
import {
  day,
  lastDay,
  Money,
  STATUS_TONE,
  TableScroll,
  td,
  th,
} from "@/components/backoffice/billing/format";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { getBillRelations } from "@/lib/billing/admin-queries";
import { localDate } from "@/lib/billing/dates";
import { getBillDetail } from "@/lib/billing/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { cancelReissueAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.bills"))("title") };
}

/** A bill as staff see it: lines, payments, its reissue chain, and cancel-and-reissue. */
export default async function StaffBillPage({
  params,
}: {
  params: Promise<{ locale: string; billId: string }>;
}) {
  const { locale: raw, billId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("bills"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const detail = await getBillDetail(db, { billId, access: "staff", today });
  if (!detail) notFound();
  const { bill } = detail;
  const [t, tb, tu, ts, relations] = await Promise.all([
    getTranslations("billingAdmin.bill"),
    getTranslations("billingAdmin.bills"),
    getTranslations("billingAdmin.common.units"),
    getTranslations("billingAdmin.bill.paymentStatus"),
    getBillRelations(db, {
      billId: bill.id,
      replacesBillId: bill.replacesBillId,
      cancelledBy: bill.cancelledBy,
    }),
  ]);
  const lineName = (code: string) =>
    t.has(`lineCodes.${code}` as never) ? t(`lineCodes.${code}` as never) : code;
  const unit = (u: string) => (tu.has(u as never) ? tu(u as never) : u);
  const dl = "grid gap-x-4 gap-y-1 text-sm grid-cols-[max-content_1fr]";

  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        lead={
          <>
            <bdi>{detail.customer.name}</bdi> · <bdi className="ltr-nums">{detail.contractNo}</bdi>
          </>
        }
      >
        <span className="ltr-nums">{t("title", { billNo: bill.billNo })}</span>
      </PageTitle>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[detail.paymentStatus]}>
          {tb(`status.${detail.paymentStatus}`)}
        </Badge>
        <Badge tone="brand">{tb(`source.${bill.source}`)}</Badge>
        {bill.estimated ? <Badge tone="warning">{tb("readingType.estimated")}</Badge> : null}
        <a
          href={`/api/bills/${bill.id}/pdf?lang=fr`}
          className="ms-auto rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
        >
          {t("pdf")}
        </a>
      </div>

      {bill.status === "cancelled" ? (
        <Alert tone="warning">
          {t("cancelledNotice", {
            date: bill.cancelledAt
              ? formatDateTime(bill.cancelledAt, locale, utility.timeZone)
              : "—",
            name: relations.cancelledByName ?? "—",
            reason: bill.cancelReason ?? "—",
          })}
          {relations.replacedBy ? (
            <>
              {" "}
              <Link
                href={`/backoffice/bills/${relations.replacedBy.id}`}
                className="font-semibold underline"
              >
                <bdi className="ltr-nums">
                  {t("replacedBy", { billNo: relations.replacedBy.billNo })}
                </bdi>
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {relations.replaces ? (
        <Alert tone="info">
          <Link
            href={`/backoffice/bills/${relations.replaces.id}`}
            className="font-semibold underline"
          >
            {t("replaces", { billNo: relations.replaces.billNo })}
          </Link>
        </Alert>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <dl className={dl}>
            <dt className="font-semibold">{t("customer")}</dt>
            <dd className="min-w-0 break-words">
              <bdi>{detail.customer.name}</bdi> ·{" "}
              <bdi className="ltr-nums">{detail.customer.customerCode}</bdi>
            </dd>
            <dt className="font-semibold">{t("premise")}</dt>
            <dd className="min-w-0 break-words">
              <bdi>
                {detail.premise.addressLine}, {detail.premise.city}
              </bdi>{" "}
              · <bdi>{detail.premise.zone}</bdi>
            </dd>
            {detail.meter ? (
              <>
                <dt className="font-semibold">{t("meter")}</dt>
                <dd className="ltr-nums">{detail.meter.serial}</dd>
              </>
            ) : null}
            <dt className="font-semibold">{tb("period")}</dt>
            <dd>
              {tb("periodValue", {
                from: day(bill.periodStart, locale),
                to: day(lastDay(bill.periodEnd), locale),
              })}
            </dd>
            <dt className="font-semibold">{t("issuedAt")}</dt>
            <dd>{formatDateTime(bill.issuedAt, locale, utility.timeZone)}</dd>
            <dt className="font-semibold">{t("dueDate")}</dt>
            <dd>{day(bill.dueDate, locale)}</dd>
            {bill.externalRef ? (
              <>
                <dt className="font-semibold">{t("externalRef")}</dt>
                <dd className="ltr-nums">{bill.externalRef}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card>
          <dl className={dl}>
            <dt className="font-semibold">{t("consumption")}</dt>
            <dd>
              <bdi className="ltr-nums">{Number(bill.consumption).toString()}</bdi>{" "}
              {unit(bill.unit)} · {tb(`readingType.${bill.readingType}`)}
            </dd>
            {bill.previousIndex !== null && bill.newIndex !== null ? (
              <>
                <dt className="font-semibold">{t("indexes")}</dt>
                <dd>
                  <bdi className="ltr-nums" dir="ltr">
                    {t("indexesValue", { previous: bill.previousIndex, current: bill.newIndex })}
                  </bdi>
                </dd>
              </>
            ) : null}
            <dt className="font-semibold">{t("paymentReference")}</dt>
            <dd className="ltr-nums">{bill.paymentReference}</dd>
            <dt className="font-semibold">{t("totalBeforeTax")}</dt>
            <dd>
              <Money minor={bill.totalBeforeTaxMinor} currency={bill.currency} />
            </dd>
            <dt className="font-semibold">{t("totalTax")}</dt>
            <dd>
              <Money minor={bill.taxMinor} currency={bill.currency} />
            </dd>
            <dt className="font-bold">{t("total")}</dt>
            <dd className="font-bold">
              <Money minor={bill.totalMinor} currency={bill.currency} />
            </dd>
            <dt className="font-semibold">{t("amountDue")}</dt>
            <dd>
              <Money minor={detail.amountDueMinor} currency={bill.currency} />
            </dd>
          </dl>
        </Card>
      </div>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("lines")}</h2>
        <TableScroll>
          <table className="w-full min-w-[44rem] text-sm" data-testid="bill-lines">
            <thead>
              <tr className="border-b border-slate-200">
                <th className={th}>{t("line")}</th>
                <th className={th}>{t("quantity")}</th>
                <th className={th}>{t("unitPrice")}</th>
                <th className={th}>{t("amount")}</th>
                <th className={th}>{t("taxRate")}</th>
                <th className={th}>{t("tax")}</th>
                <th className={th}>{t("lineTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.lines.map((l) => (
                <tr key={l.id} className="border-b border-slate-100 last:border-0">
                  <td className={td}>
                    {lineName(l.code)}
                    {l.block ? <span className="text-slate-600"> · {l.block}</span> : null}
                  </td>
                  <td className={td}>
                    <bdi className="ltr-nums">{Number(l.quantity).toString()}</bdi> {unit(l.unit)}
                  </td>
                  <td className={`${td} ltr-nums`}>{l.unitPrice}</td>
                  <td className={td}>
                    <Money minor={l.amountMinor} currency={bill.currency} />
                  </td>
                  <td className={td}>
                    <bdi className="ltr-nums" dir="ltr">
                      {`${Number((Number(l.taxRate) * 100).toFixed(2))} %`}
                    </bdi>
                  </td>
                  <td className={td}>
                    <Money minor={l.taxMinor} currency={bill.currency} />
                  </td>
                  <td className={td}>
                    <Money minor={l.totalMinor} currency={bill.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("payments")}</h2>
        {relations.payments.length ? (
          <ul className="flex flex-col gap-1 text-sm">
            {relations.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap gap-x-3">
                <Money minor={p.amountMinor} currency={bill.currency} />
                <span>{ts(p.status as never)}</span>
                <bdi className="ltr-nums text-slate-600">
                  {p.provider} {p.providerRef}
                </bdi>
                {p.receivedAt ? (
                  <span>{formatDateTime(p.receivedAt, locale, utility.timeZone)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noPayments")}</p>
        )}
      </Card>

      {bill.status === "issued" ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-bold">{t("reissue")}</h2>
          <p className="text-sm text-slate-600">{t("reissueLead")}</p>
          <BillingIntl locale={locale}>
            <BillingForm
              action={cancelReissueAction}
              submitLabel={t("reissueSubmit")}
              successText={t("reissued")}
              variant="danger"
              testId="reissue"
            >
              <input type="hidden" name="billId" value={bill.id} />
              <label className="flex flex-col gap-1 text-sm font-semibold">
                {t("reason")}
                <textarea
                  name="reason"
                  required
                  minLength={5}
                  maxLength={500}
                  rows={3}
                  className={inputClass}
                />
              </label>
            </BillingForm>
          </BillingIntl>
        </Card>
      ) : null}
    </div>
  );
}
