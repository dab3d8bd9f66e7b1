import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { listOutbox } from "@/lib/notify/queries";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.nav"))("outbox") };
}

/** Every e-mail the portal wrote; without SMTP this is where they are read (sign-up links…). */
export default async function OutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ to?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("outbox"));
  const { to } = await searchParams;
  const filter = typeof to === "string" ? to.slice(0, 254) : undefined;
  const [t, messages, utility] = await Promise.all([
    getTranslations("backoffice.outbox"),
    listOutbox(getDb(), { to: filter, limit: 100 }),
    getCurrentUtility(),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t("filter")}
          <input
            name="to"
            type="search"
            defaultValue={filter}
            dir="ltr"
            className="min-h-10 rounded-lg border border-slate-300 bg-white px-3"
          />
        </label>
        <button
          type="submit"
          className="min-h-10 rounded-lg bg-brand-700 px-4 font-semibold text-white"
        >
          {t("apply")}
        </button>
      </form>
      {messages.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {messages.map((m) => (
          <li
            key={m.id}
            className="rounded-xl border border-slate-200 bg-white p-4"
            data-testid="outbox-message"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-bold" dir="auto">
                {m.subject}
              </p>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold">
                {t(`status.${m.status}`)}
              </span>
            </div>
            <p className="text-sm text-slate-600">
              <span className="ltr-nums">{m.toAddress}</span> ·{" "}
              {formatDateTime(m.createdAt, locale, utility.timeZone)} · {m.locale}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">
                {t("body")}
              </summary>
              <pre
                dir="auto"
                lang={m.locale}
                className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-sm whitespace-pre-wrap"
              >
                {m.bodyText}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
