import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localName } from "@/components/backoffice/admin-ui";
import { ReadingReviewPanel } from "@/components/backoffice/reading-review-panel";
import { RegistryReplyPanel } from "@/components/registry/reply-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { isLocale } from "@/lib/i18n/locales";
import { readingReviewLabels } from "@/lib/metering/review-messages";
import { getReadingReview } from "@/lib/metering/review-queries";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { getStaffItem } from "@/lib/workflow/queries";
import { getStaffItemDetails } from "@/lib/workflow/staff-item-details";
import * as registryActions from "../../registry/actions";
import * as readingActions from "../reading-actions";
import { ItemConversationForms, ItemNoteForm } from "./item-conversation-forms";
import { ItemDuplicates } from "./item-duplicates";
import { ItemHeader } from "./item-header";
import { ItemClosedForms, ItemResolveForm } from "./item-resolution-forms";
import { ItemRoutingForms } from "./item-routing-forms";
import { ItemSubject } from "./item-subject";
import { ItemSummary } from "./item-summary";
import { ItemSupervisorForms } from "./item-supervisor-forms";
import { ItemTimeline } from "./item-timeline";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.nav"))("queue") };
}

/**
 * One work item for staff. Everything is loaded here, after `getStaffItem` has applied the
 * reader's department scope; the parts beside this file only draw what they are given.
 */
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
  const [t, utility, { filed, done }, details] = await Promise.all([
    getTranslations("backoffice.item"),
    getCurrentUtility(),
    searchParams,
    getStaffItemDetails(db, item),
  ]);
  const now = new Date();
  const tz = utility.timeZone;
  // A held meter reading: the clerk decides on the reading itself (accept, correct, reject).
  const readingReview =
    item.kindCode === "reading_review" ? await getReadingReview(db, staff, item.id) : undefined;
  const department = details.departments.find((d) => d.id === item.departmentId);
  const otherDepartments = details.departments
    .filter((d) => d.id !== item.departmentId)
    .map((d) => ({ id: d.id, code: d.code, name: localName(d, locale) }));
  const holder = events.findLast((e) => e.event.actorUserId === item.assigneeId)?.actorName;
  // The lease is what makes an item someone's: a lapsed one is free to take again.
  const leased = Boolean(item.assigneeId && item.leaseExpiresAt && item.leaseExpiresAt > now);
  const heldByMe = leased && item.assigneeId === staff.id;
  const heldByOther = leased && item.assigneeId !== staff.id;
  const supervisor = staff.role === "supervisor" || staff.role === "admin";
  // A clerk acts on an item only while holding it; a supervisor may act on any of theirs.
  const canAct = heldByMe || supervisor;
  const open = item.status !== "resolved" && item.status !== "closed" && !item.mergedIntoId;

  return (
    <div className="flex flex-col gap-4">
      <ItemHeader
        item={item}
        done={done}
        filed={filed}
        open={open}
        heldByMe={heldByMe}
        heldByOther={heldByOther}
        supervisor={supervisor}
      />

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
          <ItemSubject description={item.description} complaint={details.complaint} />
          {open && canAct ? (
            <Card className="flex flex-col gap-5">
              <ItemConversationForms item={item} />
              <ItemResolveForm itemId={item.id} />
              <ItemRoutingForms item={item} departments={otherDepartments} />
            </Card>
          ) : null}
          {!open ? <ItemClosedForms item={item} /> : null}
          <ItemNoteForm itemId={item.id} />
          <ItemTimeline events={events} locale={locale} timeZone={tz} />
        </div>

        <aside className="flex flex-col gap-4">
          <ItemSummary
            item={item}
            customer={details.customer}
            contractNo={details.contract?.contractNo}
            departmentName={department ? localName(department, locale) : undefined}
            holder={holder}
            open={open}
            now={now}
            locale={locale}
            timeZone={tz}
          />
          {rating ? (
            <Alert tone="info">
              {t("rating", { quality: rating.quality, speed: rating.speed })}
            </Alert>
          ) : null}
          <ItemDuplicates duplicates={duplicates} />
          {supervisor && open ? (
            <ItemSupervisorForms item={item} colleagues={details.colleagues} />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
