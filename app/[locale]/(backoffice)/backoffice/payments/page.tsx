import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import {
  day,
  lastDay,
  Money,
  STATUS_TONE,
  TableScroll,
  td,
  th,
} from "@/components/backoffice/billing/format";
import { PaymentsForm } from "@/components/backoffice/payments/payments-form";
import { PaymentsIntl } from "@/components/backoffice/payments/payments-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { localDate } from "@/lib/billing/dates";
import { decimalAmount, formatMoney } from "@/lib/billing/present";
import { isLocale } from "@/lib/i18n/locales";
import { COUNTER_METHODS } from "@/lib/payments/admin-schemas";
import { AGENCIES, AGENCY_COOKIE, agencyName, isAgencyCode } from "@/lib/payments/agencies";
import { findCounterAccount, getCounterPayment } from "@/lib/payments/counter";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { recordCounterPaymentAction } from "./actions";

// Numbers and amounts inside a sentence keep their left-to-right order in Arabic: Unicode
// first-strong isolates, which work in plain text (messages stay plain ICU strings).
const ltr = (text: string) => `\u2068${text}\u2069`;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentsAdmin.counter"))("title") };
}

/** The counter: find an account, take cash or a cheque, hand over the receipt. */
export default async function CounterPaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string; paid?: string }>;
}) {
  const [{ locale: raw }, { q, paid }] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("counter"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const done = paid ? await getCounterPayment(db, paid) : null;
  // After a payment the account is shown again, with what is still due.
  const query = (q ?? done?.contractNo ?? "").slice(0, 60);
  const [t, tm, account] = await Promise.all([
    getTranslations("paymentsAdmin.counter"),
    getTranslations("paymentsAdmin.method"),
    query.trim() ? findCounterAccount(db, { query, today }) : Promise.resolve(null),
  ]);
  const remembered = (await cookies()).get(AGENCY_COOKIE)?.value;
  const agency = isAgencyCode(remembered) ? remembered : "";
  const matchedOpen =
    account?.matched && account.openBills.some((b) => b.id === account.matched!.id)
      ? account.matched.id
      : "";

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {done ? (
        <Alert tone="success">
          <p data-testid="counter-recorded">
            {t("recorded", {
              contractNo: ltr(done.contractNo),
              receiptNo: ltr(done.receiptNo ?? "—"),
              amount: ltr(formatMoney(done.amountMinor, done.currency, locale)),
            })}
          </p>
          {done.amountMinor > done.allocatedMinor ? (
            <p className="mt-1">
              {t("credit", {
                amount: ltr(
                  formatMoney(done.amountMinor - done.allocatedMinor, done.currency, locale),
                ),
              })}
            </p>
          ) : null}
          <a
            href={`/api/payments/${done.id}/receipt.pdf?lang=${locale}`}
            target="_blank"
            rel="noopener"
            className="mt-2 inline-block font-semibold text-emerald-900 underline"
          >
            {t("receipt")}
          </a>
        </Alert>
      ) : null}
      <Card className="flex flex-col gap-3">
        <form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-semibold sm:max-w-md">
            {t("query")}
            <input
              name="q"
              defaultValue={query}
              dir="ltr"
              autoComplete="off"
              required
              className={`${inputClass} ltr-nums`}
            />
          </label>
          <Button type="submit">{t("search")}</Button>
        </form>
      </Card>

      {query.trim() && !account ? (
        <Card>
          <p className="text-sm text-slate-600">{t("noResult", { query })}</p>
        </Card>
      ) : null}

      {account ? (
        <>
          <Card className="flex flex-col gap-3">
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold text-slate-600">{t("customer")}</dt>
              <dd>
                {account.contract.customerName}{" "}
                <bdi className="ltr-nums text-slate-600" dir="ltr">
                  ({account.contract.customerCode})
                </bdi>
              </dd>
              <dt className="font-semibold text-slate-600">{t("contract")}</dt>
              <dd>
                <bdi className="ltr-nums font-semibold" dir="ltr">
                  {account.contract.contractNo}
                </bdi>
              </dd>
            </dl>
            {account.matched?.status === "cancelled" ? (
              <Alert tone="warning">
                {t("matchedCancelled", { billNo: account.matched.billNo })}
              </Alert>
            ) : account.matched && account.matched.amountDueMinor === 0 ? (
              <Alert tone="info">{t("matchedPaid", { billNo: account.matched.billNo })}</Alert>
            ) : null}
            <h2 className="text-lg font-bold">{t("openBills")}</h2>
            {account.openBills.length ? (
              <>
                <TableScroll>
                  <table className="w-full min-w-[36rem] text-sm" data-testid="open-bills">
                    <thead>
                      <tr className="border-b border-slate-200">
                        <th className={th}>{t("billNo")}</th>
                        <th className={th}>{t("period")}</th>
                        <th className={th}>{t("dueDate")}</th>
                        <th className={th}>{t("amountDue")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {account.openBills.map((b) => (
                        <tr key={b.id} className="border-b border-slate-100 last:border-0">
                          <td className={td}>
                            <div className="ltr-nums font-semibold whitespace-nowrap" dir="ltr">
                              {b.billNo}
                            </div>
                            <Badge tone={STATUS_TONE[b.paymentStatus]}>
                              {t(`status.${b.paymentStatus}`)}
                            </Badge>
                          </td>
                          <td className={td}>
                            {t("periodValue", {
                              from: day(b.periodStart, locale),
                              to: day(lastDay(b.periodEnd), locale),
                            })}
                          </td>
                          <td className={td}>{day(b.dueDate, locale)}</td>
                          <td className={td}>
                            <Money minor={b.amountDueMinor} currency={b.currency} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <p className="font-semibold">
                  {t("totalDue")}{" "}
                  <Money minor={account.totalDueMinor} currency={account.currency ?? "MAD"} />
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-600">{t("noOpenBills")}</p>
            )}
          </Card>

          {account.openBills.length && account.currency ? (
            <Card className="flex flex-col gap-3">
              <h2 className="text-lg font-bold">{t("record")}</h2>
              <PaymentsIntl locale={locale}>
                <PaymentsForm
                  action={recordCounterPaymentAction}
                  submitLabel={t("submit")}
                  testId="counter-payment"
                  className="grid gap-4 sm:grid-cols-2"
                >
                  <input type="hidden" name="contractId" value={account.contract.id} />
                  <input type="hidden" name="token" value={randomUUID()} />
                  <label className="flex flex-col gap-1 text-sm font-semibold sm:col-span-2">
                    {t("payWhat")}
                    <select name="billId" defaultValue={matchedOpen} className={inputClass}>
                      <option value="">{t("allOpen")}</option>
                      {account.openBills.map((b) => (
                        <option key={b.id} value={b.id}>
                          {t("oneBill", {
                            billNo: b.billNo,
                            amount: formatMoney(b.amountDueMinor, b.currency, locale),
                          })}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm font-semibold">
                    {t("amount")}
                    <input
                      name="amount"
                      inputMode="decimal"
                      dir="ltr"
                      autoComplete="off"
                      defaultValue={decimalAmount(account.totalDueMinor, account.currency)}
                      className={`${inputClass} ltr-nums`}
                      aria-describedby="amount-hint"
                    />
                    <span id="amount-hint" className="text-xs font-normal text-slate-600">
                      {t("amountHint", { currency: account.currency })}
                    </span>
                  </label>
                  <label className="flex flex-col gap-1 text-sm font-semibold">
                    {t("agency")}
                    <select name="agency" defaultValue={agency} required className={inputClass}>
                      <option value="" disabled>
                        —
                      </option>
                      {AGENCIES.map((a) => (
                        <option key={a.code} value={a.code}>
                          {agencyName(a.code, locale)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <fieldset className="flex flex-col gap-1 text-sm">
                    <legend className="mb-1 font-semibold">{t("method")}</legend>
                    <div className="flex gap-4">
                      {COUNTER_METHODS.map((m) => (
                        <label key={m} className="flex min-h-11 items-center gap-2">
                          <input
                            type="radio"
                            name="method"
                            value={m}
                            defaultChecked={m === "cash"}
                            className="size-4"
                          />
                          {tm(m)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <label className="flex flex-col gap-1 text-sm font-semibold">
                    {t("chequeNo")}
                    <input
                      name="chequeNo"
                      dir="ltr"
                      autoComplete="off"
                      className={`${inputClass} ltr-nums`}
                      aria-describedby="cheque-hint"
                    />
                    <span id="cheque-hint" className="text-xs font-normal text-slate-600">
                      {t("chequeHint")}
                    </span>
                  </label>
                </PaymentsForm>
              </PaymentsIntl>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
