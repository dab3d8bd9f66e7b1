import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { RatingFields } from "@/components/requests/rating-fields";
import { StatusBadge } from "@/components/requests/status-badge";
import { Timeline } from "@/components/requests/timeline";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { formatDateTime, formatRelative } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { canFollowUp, REOPEN_WITHIN_DAYS } from "@/lib/workflow/customer-actions";
import { getCustomerItem } from "@/lib/workflow/queries";
import { LetterSummary } from "@/components/registry/letter-summary";
import { getLetterForSender } from "@/lib/registry/queries";
import { answerAction, followUpAction, rateAction, reopenAction } from "../actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ number: string }>;
}): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number) };
}

// Latin codes inside an Arabic sentence: isolate them so punctuation stays where it belongs.
const isolate = (s: string) => `\u2068${s}\u2069`;

const textareaClass = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; number: string }>;
  searchParams: Promise<{ filed?: string; done?: string }>;
}) {
  const { locale: raw, number: rawNumber } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const number = decodeURIComponent(rawNumber);
  const found = await getCustomerItem(getDb(), { number, userId: user.id });
  if (!found) notFound();
  const [t, utility, { filed, done: doneKey }] = await Promise.all([
    getTranslations("requests"),
    getCurrentUtility(),
    searchParams,
  ]);
  const { item } = found;
  const now = new Date();
  const tz = utility.timeZone;
  const kindName =
    locale === "ar" ? found.kindNameAr : locale === "fr" ? found.kindNameFr : found.kindNameEn;
  const done = item.status === "resolved" || item.status === "closed";
  const since = item.closedAt ?? item.resolvedAt;
  const canReopen =
    done && since && now.getTime() - since.getTime() < REOPEN_WITHIN_DAYS * 24 * 3600_000;
  const hidden = <input type="hidden" name="number" value={item.number} />;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <Link href="/requests" className="text-sm font-semibold text-brand-700 underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>{" "}
        {t("title")}
      </Link>
      {filed ? (
        <Alert tone="success">
          <p className="font-bold">{t("filedTitle")}</p>
          <p>
            {t("filedBody", { number: isolate(item.number), code: isolate(item.trackingCode) })}
          </p>
        </Alert>
      ) : null}
      {doneKey && ["answered", "followedUp", "rated", "reopened"].includes(doneKey) ? (
        <Alert tone="success">
          {t(doneKey as "answered" | "followedUp" | "rated" | "reopened")}
        </Alert>
      ) : null}
      {found.mergedInto ? (
        <Alert tone="info">{t("mergedInto", { number: found.mergedInto })}</Alert>
      ) : null}
      {found.mergedFrom ? (
        <Alert tone="info">{t("mergedFrom", { number: found.mergedFrom })}</Alert>
      ) : null}
      <PageTitle lead={kindName}>{item.title}</PageTitle>
      <Card>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t("number")}</dt>
            <dd className="font-mono font-semibold" data-testid="item-number">
              <bdi className="ltr-nums">{item.number}</bdi>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("trackingCode")}</dt>
            <dd className="font-mono font-semibold">
              <bdi className="ltr-nums">{item.trackingCode}</bdi>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("status")}</dt>
            <dd data-testid="item-status">
              <StatusBadge status={item.status} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("due")}</dt>
            <dd className="font-semibold">
              {done ? (
                "—"
              ) : item.status === "waiting_customer" || !item.resolutionDueAt ? (
                t("paused")
              ) : item.resolutionDueAt < now ? (
                <span className="text-red-700">
                  {t("overdue", { date: formatDateTime(item.resolutionDueAt, locale, tz) })}
                </span>
              ) : (
                <>
                  {formatRelative(item.resolutionDueAt, now, locale)}
                  <span className="block text-xs font-normal text-slate-600">
                    {t("dueIn", { date: formatDateTime(item.resolutionDueAt, locale, tz) })}
                  </span>
                </>
              )}
            </dd>
          </div>
        </dl>
        <p className="mt-4 whitespace-pre-line text-slate-800" dir="auto">
          {item.description}
        </p>
      </Card>

      {item.status === "waiting_customer" ? (
        <Card>
          <h2 className="text-lg font-bold">{t("answerTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("answerLead")}</p>
          <ActionForm
            action={answerAction}
            submitLabel={t("answerSubmit")}
            successText={t("answered")}
          >
            {hidden}
            <label htmlFor="answer-body" className="sr-only">
              {t("answerTitle")}
            </label>
            <textarea
              id="answer-body"
              name="body"
              rows={4}
              maxLength={5000}
              required
              className={textareaClass}
            />
          </ActionForm>
        </Card>
      ) : null}

      {canFollowUp(item, now) ? (
        <Card>
          <h2 className="text-lg font-bold">{t("followUpTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("followUpLead")}</p>
          <ActionForm
            action={followUpAction}
            submitLabel={t("followUpSubmit")}
            successText={t("followedUp")}
            variant="secondary"
          >
            {hidden}
          </ActionForm>
        </Card>
      ) : null}

      {done && !found.rating ? (
        <Card>
          <h2 className="text-lg font-bold">{t("rateTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("rateLead")}</p>
          <ActionForm action={rateAction} submitLabel={t("rateSubmit")} successText={t("rated")}>
            {hidden}
            <RatingFields />
          </ActionForm>
        </Card>
      ) : null}
      {found.rating ? (
        <Alert tone="info">
          {t("yourRating", { quality: found.rating.quality, speed: found.rating.speed })}
        </Alert>
      ) : null}

      {canReopen ? (
        <Card>
          <h2 className="text-lg font-bold">{t("reopenTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("reopenLead")}</p>
          <ActionForm
            action={reopenAction}
            submitLabel={t("reopenSubmit")}
            successText={t("reopened")}
            variant="secondary"
          >
            {hidden}
            <label htmlFor="reopen-reason" className="text-sm font-semibold">
              {t("reason")}
            </label>
            <textarea
              id="reopen-reason"
              name="reason"
              rows={2}
              maxLength={2000}
              required
              className={textareaClass}
            />
          </ActionForm>
        </Card>
      ) : null}

      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("timeline")}</h2>
        {found.item.subjectType === "registry_entry" ? (
          <LetterPanel number={found.item.number} userId={user.id} locale={locale} timeZone={tz} />
        ) : null}
        <Timeline events={found.events} locale={locale} timeZone={tz} />
      </Card>
    </div>
  );
}

/** A letter to the mail registry: its acknowledgement and, once registered, the reply letter. */
async function LetterPanel(props: {
  number: string;
  userId: string;
  locale: Locale;
  timeZone: string;
}) {
  const letter = await getLetterForSender(getDb(), { number: props.number, userId: props.userId });
  return letter ? (
    <LetterSummary letter={letter} locale={props.locale} timeZone={props.timeZone} access={{}} />
  ) : null;
}
