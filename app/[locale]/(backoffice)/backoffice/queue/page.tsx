import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { StatusBadge } from "@/components/requests/status-badge";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { departments, requestKinds } from "@/db/schema";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDateTime, formatInteger, formatRelative } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { listQueue, queueCounts, type QueueFilters } from "@/lib/workflow/queries";
import { PRIORITIES } from "@/lib/workflow/schemas";
import { claimAction, takeNextAction } from "../items/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.queue"))("title") };
}

const STATUSES = [
  "new",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
  "resolved",
  "closed",
] as const;
const CHANNELS = ["web", "phone", "counter", "email", "api"] as const;
const PRIORITY_TONE: Record<string, string> = {
  urgent: "text-red-700 font-bold",
  high: "text-amber-700 font-semibold",
  normal: "text-slate-700",
  low: "text-slate-500",
};

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale, rolesFor("queue"));
  const sp = await searchParams;
  const filters: QueueFilters = {
    status: pick(sp.status, STATUSES),
    priority: pick(sp.priority, PRIORITIES),
    channel: pick(sp.channel, CHANNELS),
    kind: typeof sp.kind === "string" && /^[a-z_]{1,40}$/.test(sp.kind) ? sp.kind : undefined,
    due: pick(sp.due, ["overdue", "today"] as const),
    mine: sp.mine === "1",
    escalated: sp.escalated === "1",
  };
  const db = getDb();
  const now = new Date();
  const [t, ti, items, counts, utility, depts, kinds] = await Promise.all([
    getTranslations("backoffice.queue"),
    getTranslations("items"),
    listQueue(db, staff, filters, now),
    queueCounts(db, staff, now),
    getCurrentUtility(),
    db.select().from(departments),
    db.select().from(requestKinds),
  ]);
  // Names in the reader's language, for codes stored on the items.
  const nameIn = (row: { nameAr: string; nameFr: string; nameEn: string }) =>
    locale === "ar" ? row.nameAr : locale === "fr" ? row.nameFr : row.nameEn;
  const departmentName = (code: string) => {
    const d = depts.find((x) => x.code === code);
    return d ? nameIn(d) : code;
  };
  const kindName = (code: string) => {
    const k = kinds.find((x) => x.code === code);
    return k ? nameIn(k) : code;
  };
  const select = (
    name: string,
    label: string,
    options: readonly string[],
    render: (o: string) => string,
  ) => (
    <label className="flex flex-col gap-1 text-sm font-semibold">
      {label}
      <select
        name={name}
        defaultValue={typeof sp[name] === "string" ? (sp[name] as string) : ""}
        className="min-h-10 rounded-lg border border-slate-300 bg-white px-2"
      >
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {render(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle lead={filters.escalated ? t("escalated") : t("lead")}>{t("title")}</PageTitle>
        <ActionForm
          action={takeNextAction}
          submitLabel={t("takeNext")}
          successText={t("empty")}
          className="flex flex-col items-end gap-2"
        />
      </div>
      <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("department")}>
        {counts.map((c) => (
          <li
            key={c.departmentId}
            className="rounded-lg border border-slate-200 bg-white px-3 py-2"
          >
            <span className="font-semibold">{departmentName(c.code)}</span> ·{" "}
            {t("count", { count: c.open })} · {formatInteger(c.unclaimed, locale)} {t("unclaimed")}{" "}
            ·{" "}
            <span className={c.overdue ? "font-bold text-red-700" : ""}>
              {formatInteger(c.overdue, locale)} {t("overdueCount")}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
        aria-label={t("filters")}
      >
        {select("status", t("status"), STATUSES, (o) =>
          o === "waiting_customer"
            ? ti("staffStatus.waiting_customer")
            : ti(`status.${o}` as never),
        )}
        {select("priority", t("priority"), PRIORITIES, (o) => ti(`priority.${o}` as never))}
        {select("channel", t("channel"), CHANNELS, (o) => ti(`channel.${o}` as never))}
        {select("due", t("due"), ["overdue", "today"], (o) => t(o as "overdue" | "today"))}
        <label className="flex min-h-10 items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} /> {t("mine")}
        </label>
        {filters.escalated ? <input type="hidden" name="escalated" value="1" /> : null}
        <button
          type="submit"
          className="min-h-10 rounded-lg bg-brand-700 px-4 font-semibold text-white"
        >
          {t("apply")}
        </button>
      </form>
      <p className="text-sm text-slate-600">{t("count", { count: items.length })}</p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full min-w-[48rem] text-sm" data-testid="queue">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">
                {t("number")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("subject")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("priority")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("dueAt")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("holder")}
              </th>
              <th scope="col" className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const held = i.assigneeId && i.leaseExpiresAt && i.leaseExpiresAt > now;
              return (
                <tr key={i.id} className="border-t border-slate-100" data-number={i.number}>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    <Link
                      href={`/backoffice/items/${i.id}`}
                      className="ltr-nums text-brand-700 underline"
                    >
                      {i.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <span dir="auto">{i.title}</span>
                    <span className="block text-xs text-slate-500">
                      {kindName(i.kindCode)} · {departmentName(i.departmentCode)} ·{" "}
                      {ti(`channel.${i.channel}` as never)}
                    </span>
                  </td>
                  <td className={`px-3 py-2 ${PRIORITY_TONE[i.priority]}`}>
                    {ti(`priority.${i.priority}` as never)}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={i.status} staff />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {i.resolutionDueAt ? (
                      <span
                        className={i.resolutionDueAt < now ? "font-bold text-red-700" : ""}
                        title={formatDateTime(i.resolutionDueAt, locale, utility.timeZone)}
                      >
                        {formatRelative(i.resolutionDueAt, now, locale)}
                      </span>
                    ) : (
                      t("paused")
                    )}
                  </td>
                  <td className="px-3 py-2">{held ? i.assigneeName : t("nobody")}</td>
                  <td className="px-3 py-2">
                    {!held && (i.status === "new" || i.status === "in_progress") ? (
                      <ActionForm
                        action={claimAction}
                        submitLabel={t("take")}
                        variant="secondary"
                        className="flex"
                      >
                        <input type="hidden" name="itemId" value={i.id} />
                      </ActionForm>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
