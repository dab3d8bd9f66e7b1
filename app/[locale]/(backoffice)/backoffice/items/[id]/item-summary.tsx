import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { WorkItem } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The facts beside the item: who the customer is and how to reach them, the contract, where
 * the item sits, its deadlines (the resolution deadline in red once passed on an open item)
 * and who holds it until when.
 */
export function ItemSummary({
  item,
  customer,
  contractNo,
  departmentName,
  holder,
  open,
  now,
  locale,
  timeZone: tz,
}: {
  item: Pick<
    WorkItem,
    | "contactName"
    | "contactPhone"
    | "channel"
    | "priority"
    | "firstResponseAt"
    | "firstResponseDueAt"
    | "resolutionDueAt"
    | "assigneeId"
    | "leaseExpiresAt"
  >;
  /** The customer's account, when the item has one (a caller or visitor may have none). */
  customer?: { name: string; email: string; phone: string | null };
  contractNo?: string;
  departmentName?: string;
  /** The name of the holder, as it last appears in the timeline. */
  holder?: string | null;
  open: boolean;
  now: Date;
  locale: Locale;
  timeZone: string;
}) {
  const t = useTranslations("backoffice.item");
  const ti = useTranslations("items");
  return (
    <Card>
      <dl className="grid grid-cols-1 gap-2 text-sm">
        <div>
          <dt className="text-slate-600">{t("customer")}</dt>
          <dd className="font-semibold">
            {customer?.name ?? item.contactName ?? "—"}
            {customer?.email ? (
              <span className="block font-normal">
                <bdi className="ltr-nums">{customer.email}</bdi>
              </span>
            ) : null}
            {(customer?.phone ?? item.contactPhone) ? (
              <span className="block font-normal">
                <bdi className="ltr-nums">{customer?.phone ?? item.contactPhone}</bdi>
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("contract")}</dt>
          <dd className="font-mono">
            <bdi className="ltr-nums">{contractNo ?? "—"}</bdi>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("department")}</dt>
          <dd>{departmentName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("channel")}</dt>
          <dd>{ti(`channel.${item.channel}`)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("priority")}</dt>
          <dd>{ti(`priority.${item.priority}`)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("firstResponseDue")}</dt>
          <dd>
            {item.firstResponseAt ? "✓" : formatDateTime(item.firstResponseDueAt, locale, tz)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("due")}</dt>
          <dd
            className={
              item.resolutionDueAt && item.resolutionDueAt < now && open
                ? "font-bold text-red-700"
                : ""
            }
          >
            {item.resolutionDueAt ? formatDateTime(item.resolutionDueAt, locale, tz) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("holder")}</dt>
          <dd>
            {item.assigneeId && item.leaseExpiresAt && item.leaseExpiresAt > now ? (
              <>
                {holder ?? "—"}{" "}
                <span className="text-slate-500">
                  {t("leaseUntil", { time: formatDateTime(item.leaseExpiresAt, locale, tz) })}
                </span>
              </>
            ) : (
              t("nobody")
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
