import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/requests/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { departmentDirectory } from "@/lib/registry/department-names";
import { requireRegistryPage } from "@/lib/registry/page-guard";
import { departmentsOfEntries, repliesToRegister, searchRegister } from "@/lib/registry/queries";
import { registerFiltersSchema } from "@/lib/registry/schemas";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry.admin"))("title") };
}

const LIMIT = 200;
const field = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold";
const STATUSES = [
  "new",
  "in_progress",
  "waiting_customer",
  "waiting_internal",
  "resolved",
  "closed",
] as const;

/** The incoming and outgoing registers: search, print, export, and what waits to be sent. */
export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireRegistryPage(locale);
  const filters = registerFiltersSchema.parse(await searchParams);
  const db = getDb();
  const [t, ti, ts, utility, directory, toRegister] = await Promise.all([
    getTranslations("registry.admin"),
    getTranslations("registry"),
    getTranslations("items"),
    getCurrentUtility(),
    departmentDirectory(db, locale),
    repliesToRegister(db, staff),
  ]);
  const rows = await searchRegister(db, staff, filters, {
    timeZone: utility.timeZone,
    limit: LIMIT + 1,
  });
  const shown = rows.slice(0, LIMIT);
  const departments = await departmentsOfEntries(
    db,
    shown.map((r) => r.id),
  );
  const incoming = filters.direction === "incoming";
  const query = new URLSearchParams(
    Object.entries(filters).filter(
      (e): e is [string, string] => typeof e[1] === "string" && !!e[1],
    ),
  ).toString();
  const filterInput = (
    name: "number" | "sender" | "subject" | "from" | "to",
    text: string,
    extra: { dir?: "ltr"; type?: "date" } = {},
  ) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className={label}>
        {text}
      </label>
      <input
        id={`f-${name}`}
        name={name}
        defaultValue={filters[name] ?? ""}
        className={field}
        {...extra}
      />
    </div>
  );
  const tab = (direction: "incoming" | "outgoing") =>
    `rounded-lg px-4 py-2 font-semibold ${filters.direction === direction ? "bg-brand-700 text-white" : "bg-white text-brand-800 border border-slate-300"}`;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <div className="flex flex-wrap items-center gap-2">
        <Link href="/backoffice/registry?direction=incoming" className={tab("incoming")}>
          {t("incoming")}
        </Link>
        <Link href="/backoffice/registry?direction=outgoing" className={tab("outgoing")}>
          {t("outgoing")}
        </Link>
        <Link href="/backoffice/registry/new" className={buttonClass("primary", "ms-auto")}>
          {t("new")}
        </Link>
      </div>

      {toRegister.length ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("toRegister")}</h2>
          <ul className="flex flex-col gap-1">
            {toRegister.map((r) => (
              <li key={r.replyId}>
                <Link
                  href={`/backoffice/registry/${r.entryId}`}
                  className="font-semibold text-brand-800 underline"
                >
                  <bdi>{r.registryNo}</bdi>
                </Link>{" "}
                · <bdi>{r.subject}</bdi>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card>
        <form className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          <input type="hidden" name="direction" value={filters.direction} />
          {filterInput("number", t("number"), { dir: "ltr" })}
          {filterInput("sender", incoming ? t("sender") : t("addressee"))}
          {filterInput("subject", t("subject"))}
          {incoming ? (
            <>
              <div className="flex flex-col gap-1">
                <label htmlFor="f-status" className={label}>
                  {t("status")}
                </label>
                <select
                  id="f-status"
                  name="status"
                  defaultValue={filters.status ?? ""}
                  className={field}
                >
                  <option value="">{t("any")}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s === "waiting_customer"
                        ? ts("staffStatus.waiting_customer")
                        : ts(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="f-department" className={label}>
                  {t("department")}
                </label>
                <select
                  id="f-department"
                  name="department"
                  defaultValue={filters.department ?? ""}
                  className={field}
                >
                  <option value="">{t("any")}</option>
                  {directory.targets.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : null}
          {filterInput("from", t("from"), { type: "date" })}
          {filterInput("to", t("to"), { type: "date" })}
          <div className="flex items-end">
            <button type="submit" className={buttonClass("primary")}>
              {t("search")}
            </button>
          </div>
        </form>
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
          <a
            href={`/${locale}/backoffice/registry/print?${query}`}
            className={buttonClass("secondary")}
          >
            {t("print")}
          </a>
          <a
            href={`/api/registry/register.csv?${query}&lang=${locale}`}
            className={buttonClass("secondary")}
          >
            {t("export")}
          </a>
          <p className="text-sm text-slate-600">{t("exportHint")}</p>
        </div>
      </Card>

      <p className="text-sm text-slate-700">
        {t("results", { count: shown.length })}
        {rows.length > LIMIT ? ` — ${t("limited", { count: LIMIT })}` : ""}
      </p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-start">
            <tr>
              <th className="p-2 text-start">{t("number")}</th>
              <th className="p-2 text-start">{t("registeredAt")}</th>
              <th className="p-2 text-start">{incoming ? t("sender") : t("addressee")}</th>
              <th className="p-2 text-start">{t("subject")}</th>
              <th className="p-2 text-start">{t("channel")}</th>
              {incoming ? (
                <>
                  <th className="p-2 text-start">{t("departments")}</th>
                  <th className="p-2 text-start">{t("status")}</th>
                  <th className="p-2 text-start">{t("due")}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="p-2 font-semibold whitespace-nowrap">
                  <Link href={`/backoffice/registry/${r.id}`} className="text-brand-800 underline">
                    <bdi>{r.registryNo}</bdi>
                  </Link>
                </td>
                <td className="p-2 whitespace-nowrap">
                  {formatDateTime(r.registeredAt, locale, utility.timeZone)}
                </td>
                <td className="p-2" dir="auto">
                  {r.partyName}
                </td>
                <td className="p-2" dir="auto">
                  {r.subject}
                </td>
                <td className="p-2">{ti(`channel.${r.channel}`)}</td>
                {incoming ? (
                  <>
                    <td className="p-2">
                      {(departments.get(r.id) ?? [])
                        .map((d) => `${directory.name(d.code)}${d.lead ? "" : ` (${t("copy")})`}`)
                        .join(locale === "ar" ? "، " : ", ") || (
                        <span className="text-slate-500">{t("notDistributed")}</span>
                      )}
                    </td>
                    <td className="p-2">
                      {r.status ? <StatusBadge status={r.status} staff /> : null}
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {r.resolutionDueAt
                        ? formatDate(r.resolutionDueAt, locale, utility.timeZone)
                        : "—"}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
