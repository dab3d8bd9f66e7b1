import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { StatusBadge } from "@/components/requests/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { complaints, contracts, departments, staffDepartments, users } from "@/db/schema";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { describeEvent } from "@/lib/workflow/describe-event";
import { getStaffItem } from "@/lib/workflow/queries";
import { OUTCOMES, PRIORITIES } from "@/lib/workflow/schemas";
import * as actions from "../actions";
import * as readingActions from "../reading-actions";
import { ReadingReviewPanel } from "@/components/backoffice/reading-review-panel";
import { readingReviewLabels } from "@/lib/metering/review-messages";
import { getReadingReview } from "@/lib/metering/review-queries";
import { RegistryReplyPanel } from "@/components/registry/reply-panel";
import * as registryActions from "../../registry/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.nav"))("queue") };
}

const field = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold text-slate-800";

export default async function StaffItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ filed?: string; done?: string }>;
}) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale);
  const db = getDb();
  const found = await getStaffItem(db, staff, id);
  if (!found) notFound();
  const { item, events, rating, duplicates } = found;
  const [t, ti, utility, { filed, done }, depts, customer, contract, complaint, colleagues] =
    await Promise.all([
      getTranslations("backoffice.item"),
      getTranslations("items"),
      getCurrentUtility(),
      searchParams,
      db.select().from(departments),
      item.customerUserId
        ? db
            .select({ name: users.name, email: users.email, phone: users.phone })
            .from(users)
            .where(eq(users.id, item.customerUserId))
        : Promise.resolve([]),
      item.contractId
        ? db
            .select({ contractNo: contracts.contractNo, service: contracts.service })
            .from(contracts)
            .where(eq(contracts.id, item.contractId))
        : Promise.resolve([]),
      item.subjectType === "complaint" && item.subjectId
        ? db.select().from(complaints).where(eq(complaints.id, item.subjectId))
        : Promise.resolve([]),
      db
        .select({ id: users.id, name: users.name })
        .from(staffDepartments)
        .innerJoin(users, eq(users.id, staffDepartments.userId))
        .where(eq(staffDepartments.departmentId, item.departmentId))
        .orderBy(users.name),
    ]);
  const now = new Date();
  const tz = utility.timeZone;
  // A held meter reading: the clerk decides on the reading itself (accept, correct, reject).
  const readingReview =
    item.kindCode === "reading_review" ? await getReadingReview(db, staff, item.id) : undefined;
  const deptName = (d: (typeof depts)[number]) =>
    locale === "ar" ? d.nameAr : locale === "fr" ? d.nameFr : d.nameEn;
  const department = depts.find((d) => d.id === item.departmentId);
  const holder = events.findLast((e) => e.event.actorUserId === item.assigneeId)?.actorName;
  const heldByMe = item.assigneeId === staff.id && item.leaseExpiresAt && item.leaseExpiresAt > now;
  const heldByOther =
    item.assigneeId &&
    item.assigneeId !== staff.id &&
    item.leaseExpiresAt &&
    item.leaseExpiresAt > now;
  const supervisor = staff.role === "supervisor" || staff.role === "admin";
  const canAct = heldByMe || supervisor;
  const open = item.status !== "resolved" && item.status !== "closed" && !item.mergedIntoId;
  const hiddenId = <input type="hidden" name="itemId" value={item.id} />;
  const textarea = (name: string, id: string, text: string) => (
    <>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <textarea id={id} name={name} rows={3} maxLength={5000} required className={field} />
    </>
  );

  return (
    <div className="flex flex-col gap-4">
      {done && ["replied", "noted", "asked", "resolved", "done"].includes(done) ? (
        <Alert tone="success">
          {t(done as "replied" | "noted" | "asked" | "resolved" | "done")}
        </Alert>
      ) : null}
      {filed ? (
        <Alert tone="success">{t("filed", { number: item.number, code: item.trackingCode })}</Alert>
      ) : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="ltr-nums font-mono text-sm text-slate-600" data-testid="item-number">
            {item.number}
          </p>
          <h1 className="text-2xl font-bold" dir="auto">
            {item.title}
          </h1>
        </div>
        <div className="flex items-center gap-2">
          <StatusBadge status={item.status} />
          {open && !heldByMe && !heldByOther ? (
            <ActionForm action={actions.claimAction} submitLabel={t("claim")} className="flex">
              {hiddenId}
            </ActionForm>
          ) : null}
          {heldByMe ? (
            <ActionForm
              action={actions.releaseAction}
              submitLabel={t("release")}
              variant="secondary"
              className="flex"
            >
              {hiddenId}
            </ActionForm>
          ) : null}
        </div>
      </header>
      {heldByOther && !supervisor ? <Alert tone="warning">{t("heldByOther")}</Alert> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          {readingReview ? (
            <ReadingReviewPanel
              review={readingReview}
              labels={readingReviewLabels(locale)}
              locale={locale}
              timeZone={tz}
              actions={{
                accept: readingActions.acceptReadingAction,
                correct: readingActions.correctReadingAction,
                reject: readingActions.rejectReadingAction,
              }}
            />
          ) : null}
          {item.subjectType === "registry_entry" ? (
            <RegistryReplyPanel
              itemId={item.id}
              entryId={item.subjectId}
              staff={staff}
              locale={locale}
              open={open}
              done={done}
              actions={{
                draft: registryActions.draftReplyAction,
                approve: registryActions.approveReplyAction,
              }}
            />
          ) : null}
          <Card>
            <p className="whitespace-pre-line" dir="auto">
              {item.description}
            </p>
            {complaint[0]?.location ? (
              <p className="mt-2 text-sm text-slate-600">{complaint[0].location}</p>
            ) : null}
            {complaint[0]?.photoFileId ? (
              <a
                href={`/api/files/${complaint[0].photoFileId}`}
                target="_blank"
                rel="noreferrer"
                className="mt-2 inline-block font-semibold text-brand-700 underline"
              >
                {t("photo")}
              </a>
            ) : null}
          </Card>

          {open && canAct ? (
            <Card className="flex flex-col gap-5">
              <ActionForm
                action={actions.replyAction}
                submitLabel={t("replySubmit")}
                successText={t("replied")}
              >
                {hiddenId}
                {textarea("body", "reply-body", t("reply"))}
              </ActionForm>
              {item.status !== "waiting_customer" ? (
                <ActionForm
                  action={actions.askAction}
                  submitLabel={t("askSubmit")}
                  successText={t("asked")}
                  variant="secondary"
                >
                  {hiddenId}
                  {textarea("body", "ask-body", t("ask"))}
                </ActionForm>
              ) : (
                <ActionForm
                  action={actions.customerAnswerAction}
                  submitLabel={t("customerAnswerSubmit")}
                  successText={t("done")}
                  variant="secondary"
                >
                  {hiddenId}
                  {textarea("body", "answer-body", t("customerAnswer"))}
                  <select name="channel" aria-label={t("channel")} className={field}>
                    {(["phone", "counter", "email"] as const).map((c) => (
                      <option key={c} value={c}>
                        {ti(`channel.${c}`)}
                      </option>
                    ))}
                  </select>
                </ActionForm>
              )}
              <ActionForm
                action={actions.resolveAction}
                submitLabel={t("resolveSubmit")}
                successText={t("resolved")}
              >
                {hiddenId}
                <label htmlFor="outcome" className={label}>
                  {t("outcome")}
                </label>
                <select id="outcome" name="outcome" className={field}>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {ti(`outcome.${o}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor="resolve-note" className={label}>
                  {t("resolveNote")}
                </label>
                <textarea
                  id="resolve-note"
                  name="note"
                  rows={2}
                  maxLength={5000}
                  className={field}
                />
                <label htmlFor="resolve-redirect" className={label}>
                  {t("redirect")}
                </label>
                <input id="resolve-redirect" name="redirect" maxLength={1000} className={field} />
              </ActionForm>
              <details>
                <summary className="cursor-pointer font-semibold text-brand-700">
                  {t("transfer")}
                </summary>
                <ActionForm
                  action={actions.transferAction}
                  submitLabel={t("transferSubmit")}
                  className="mt-2 flex flex-col gap-2"
                >
                  {hiddenId}
                  <select name="departmentCode" aria-label={t("department")} className={field}>
                    {depts
                      .filter((d) => d.id !== item.departmentId)
                      .map((d) => (
                        <option key={d.id} value={d.code}>
                          {deptName(d)}
                        </option>
                      ))}
                  </select>
                  <label htmlFor="transfer-reason" className={label}>
                    {t("reason")}
                  </label>
                  <input
                    id="transfer-reason"
                    name="reason"
                    required
                    maxLength={1000}
                    className={field}
                  />
                </ActionForm>
              </details>
              <details>
                <summary className="cursor-pointer font-semibold text-brand-700">
                  {item.status === "waiting_internal" ? t("resume") : t("waitInternal")}
                </summary>
                {item.status === "waiting_internal" ? (
                  <ActionForm
                    action={actions.resumeAction}
                    submitLabel={t("resume")}
                    className="mt-2 flex flex-col gap-2"
                  >
                    {hiddenId}
                  </ActionForm>
                ) : (
                  <ActionForm
                    action={actions.waitInternalAction}
                    submitLabel={t("waitSubmit")}
                    className="mt-2 flex flex-col gap-2"
                  >
                    {hiddenId}
                    <input
                      name="body"
                      required
                      maxLength={1000}
                      aria-label={t("reason")}
                      className={field}
                    />
                  </ActionForm>
                )}
              </details>
              <details>
                <summary className="cursor-pointer font-semibold text-brand-700">
                  {t("delay")}
                </summary>
                <ActionForm
                  action={actions.delayAction}
                  submitLabel={t("delaySubmit")}
                  successText={t("done")}
                  className="mt-2 flex flex-col gap-2"
                >
                  {hiddenId}
                  <label htmlFor="delay-date" className={label}>
                    {t("newDueAt")}
                  </label>
                  <input
                    id="delay-date"
                    type="datetime-local"
                    name="newDueAt"
                    required
                    className={field}
                  />
                  <label htmlFor="delay-reason" className={label}>
                    {t("reason")}
                  </label>
                  <input
                    id="delay-reason"
                    name="reason"
                    required
                    maxLength={1000}
                    className={field}
                  />
                </ActionForm>
              </details>
            </Card>
          ) : null}

          {!open && item.status === "resolved" ? (
            <Card className="flex flex-wrap gap-3">
              <ActionForm
                action={actions.closeAction}
                submitLabel={t("close")}
                variant="secondary"
                className="flex"
              >
                {hiddenId}
              </ActionForm>
            </Card>
          ) : null}
          {!open && !item.mergedIntoId ? (
            <Card>
              <ActionForm
                action={actions.reopenAction}
                submitLabel={t("reopenSubmit")}
                successText={t("done")}
                variant="secondary"
              >
                {hiddenId}
                {textarea("reason", "reopen-reason", t("reopen"))}
              </ActionForm>
            </Card>
          ) : null}

          <Card>
            <ActionForm
              action={actions.noteAction}
              submitLabel={t("noteSubmit")}
              successText={t("noted")}
              variant="secondary"
            >
              {hiddenId}
              {textarea("body", "note-body", t("note"))}
            </ActionForm>
          </Card>

          <Card>
            <h2 className="mb-3 text-lg font-bold">{t("timeline")}</h2>
            <ol className="flex flex-col gap-3" data-testid="staff-timeline">
              {events.map(({ event, actorName }) => (
                <li
                  key={event.id}
                  className={`rounded-lg border p-3 ${event.visibility === "internal" ? "border-amber-200 bg-amber-50" : "border-slate-200"}`}
                >
                  <p className="text-xs text-slate-600">
                    {formatDateTime(event.at, locale, tz)} · {actorName ?? event.actorLabel ?? "—"}{" "}
                    · <span className="font-semibold">{ti(`eventType.${event.type}`)}</span> ·{" "}
                    <strong>
                      {event.visibility === "internal" ? t("internal") : t("visible")}
                    </strong>
                  </p>
                  <p className="whitespace-pre-line" dir="auto">
                    {describeEvent(event, locale, tz)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <aside className="flex flex-col gap-4">
          <Card>
            <dl className="grid grid-cols-1 gap-2 text-sm">
              <div>
                <dt className="text-slate-600">{t("customer")}</dt>
                <dd className="font-semibold">
                  {customer[0]?.name ?? item.contactName ?? "—"}
                  {customer[0]?.email ? (
                    <span className="ltr-nums block font-normal">{customer[0].email}</span>
                  ) : null}
                  {(customer[0]?.phone ?? item.contactPhone) ? (
                    <span className="ltr-nums block font-normal">
                      {customer[0]?.phone ?? item.contactPhone}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("contract")}</dt>
                <dd className="ltr-nums font-mono">{contract[0]?.contractNo ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("department")}</dt>
                <dd>{department ? deptName(department) : "—"}</dd>
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
          {rating ? (
            <Alert tone="info">
              {t("rating", { quality: rating.quality, speed: rating.speed })}
            </Alert>
          ) : null}
          {duplicates.length ? (
            <Card>
              <h2 className="mb-2 font-bold">{t("duplicates")}</h2>
              <ul className="flex flex-col gap-1 text-sm">
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link
                      href={`/backoffice/items/${d.id}`}
                      className="ltr-nums font-mono text-brand-700 underline"
                    >
                      {d.number}
                    </Link>{" "}
                    {d.title}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {supervisor && open ? (
            <Card className="flex flex-col gap-4">
              <ActionForm
                action={actions.reassignAction}
                submitLabel={t("reassignSubmit")}
                successText={t("done")}
              >
                <input type="hidden" name="itemIds" value={item.id} />
                <label htmlFor="assignee" className={label}>
                  {t("reassign")}
                </label>
                <select id="assignee" name="assigneeId" className={field}>
                  {colleagues.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </ActionForm>
              <ActionForm
                action={actions.priorityAction}
                submitLabel={t("prioritySubmit")}
                successText={t("done")}
              >
                {hiddenId}
                <label htmlFor="priority" className={label}>
                  {t("changePriority")}
                </label>
                <select
                  id="priority"
                  name="priority"
                  defaultValue={item.priority}
                  className={field}
                >
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {ti(`priority.${p}`)}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
