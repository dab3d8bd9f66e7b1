import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import { day, Money, TableScroll, td, th } from "@/components/backoffice/billing/format";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { addDays, daysBetween, isIsoDate, localDate } from "@/lib/billing/dates";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import {
  findMismatches,
  paymentsByProviderAndDay,
  type MismatchKind,
} from "@/lib/payments/reconciliation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentsAdmin.reconciliation"))("title") };
}

const KINDS: MismatchKind[] = ["stale_pending", "cancelled_bill", "over_allocated", "credit"];

/** Payments per provider and day, and the ledger entries someone must look at. */
export default async function ReconciliationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const [{ locale: raw }, sp] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("reconciliation"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  let to = sp.to && isIsoDate(sp.to) ? sp.to : today;
  let from = sp.from && isIsoDate(sp.from) ? sp.from : addDays(to, -6);
  if (from > to) [from, to] = [to, from];
  // At most a quarter at once: the table is read by a person.
  if (daysBetween(from, to) > 92) from = addDays(to, -92);
  const [t, tp, byDay, mismatches] = await Promise.all([
    getTranslations("paymentsAdmin.reconciliation"),
    getTranslations("paymentsAdmin.provider"),
    paymentsByProviderAndDay(db, { from, to, timeZone: utility.timeZone }),
    findMismatches(db, { now: new Date() }),
  ]);
  const provider = (p: string | null) => (p && tp.has(p as never) ? tp(p as never) : "—");

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-3">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("from")}
            <input
              type="date"
              name="from"
              defaultValue={from}
              className={`${inputClass} ltr-nums w-auto`}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("to")}
            <input
              type="date"
              name="to"
              defaultValue={to}
              className={`${inputClass} ltr-nums w-auto`}
            />
          </label>
          <Button type="submit">{t("show")}</Button>
        </form>
      </Card>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("byDay")}</h2>
        {byDay.length ? (
          <TableScroll>
            <table className="w-full min-w-[28rem] text-sm" data-testid="by-day">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t("day")}</th>
                  <th className={th}>{t("provider")}</th>
                  <th className={th}>{t("count")}</th>
                  <th className={th}>{t("total")}</th>
                </tr>
              </thead>
              <tbody>
                {byDay.map((r) => (
                  <tr
                    key={`${r.day}|${r.provider}|${r.currency}`}
                    className="border-b border-slate-100 last:border-0"
                  >
                    <td className={td}>{day(r.day, locale)}</td>
                    <td className={td}>{provider(r.provider)}</td>
                    <td className={td}>{formatInteger(r.count, locale)}</td>
                    <td className={td}>
                      <Money minor={r.totalMinor} currency={r.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="text-sm text-slate-600">{t("noPayments")}</p>
        )}
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t("mismatches")}</h2>
        {mismatches.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noMismatches")}</p>
        ) : null}
        {KINDS.map((kind) => {
          const rows = mismatches.filter((m) => m.kind === kind);
          if (!rows.length) return null;
          const info = kind === "credit";
          return (
            <section key={kind} className="flex flex-col gap-2" data-testid={`mismatch-${kind}`}>
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                {t(`kind.${kind}`)}
                <Badge tone={info ? "brand" : "warning"}>
                  {info ? t("info") : t("action")} · {formatInteger(rows.length, locale)}
                </Badge>
              </h3>
              <p className="text-sm text-slate-600">{t(`help.${kind}`)}</p>
              <TableScroll>
                <table className="w-full min-w-[40rem] text-sm">
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th className={th}>{t("payment")}</th>
                      <th className={th}>{t("bill")}</th>
                      <th className={th}>{t("contract")}</th>
                      <th className={th}>{t("amount")}</th>
                      <th className={th}>{t("gap")}</th>
                      <th className={th}>{t("at")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((m, i) => (
                      <tr
                        key={`${m.paymentId ?? ""}|${m.billId ?? ""}|${i}`}
                        className="border-b border-slate-100 last:border-0"
                      >
                        <td className={td}>
                          {m.paymentId ? (
                            <>
                              <bdi className="ltr-nums font-semibold" dir="ltr">
                                {m.receiptNo ?? t("noReceipt")}
                              </bdi>
                              <div className="text-xs text-slate-600">{provider(m.provider)}</div>
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className={td}>
                          {m.billId ? (
                            <Link
                              href={`/backoffice/bills/${m.billId}`}
                              className="ltr-nums font-semibold text-brand-800 hover:underline"
                            >
                              {m.billNo}
                            </Link>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className={`${td} ltr-nums`}>{m.contractNo}</td>
                        <td className={td}>
                          <Money minor={m.amountMinor} currency={m.currency} />
                        </td>
                        <td className={td}>
                          <Money minor={m.gapMinor} currency={m.currency} />
                        </td>
                        <td className={td}>{formatDateTime(m.at, locale, utility.timeZone)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          );
        })}
      </Card>
    </div>
  );
}
