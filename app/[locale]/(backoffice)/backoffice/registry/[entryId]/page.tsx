import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { StatusBadge } from "@/components/requests/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { departmentDirectory } from "@/lib/registry/department-names";
import { formatSize } from "@/lib/registry/documents";
import { suggestLead } from "@/lib/registry/distribute";
import { requireRegistryPage } from "@/lib/registry/page-guard";
import { getRegistryEntry } from "@/lib/registry/queries";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { annotateAction, distributeAction, registerReplyAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ entryId: string }>;
}): Promise<Metadata> {
  const t = await getTranslations("registry.admin");
  return { title: `${t("title")} · ${(await params).entryId.slice(0, 8)}` };
}

const field = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold";

/** One register entry: the letter, its documents, where it went, its reply, its annotations. */
export default async function RegistryEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; entryId: string }>;
  searchParams: Promise<{ done?: string; number?: string }>;
}) {
  const { locale: raw, entryId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireRegistryPage(locale);
  const db = getDb();
  const found = await getRegistryEntry(db, staff, entryId);
  if (!found) notFound();
  const { done, number: doneNumber } = await searchParams;
  const [t, ta, tr, utility, directory, config] = await Promise.all([
    getTranslations("registry.admin.entry"),
    getTranslations("registry.admin"),
    getTranslations("registry"),
    getCurrentUtility(),
    departmentDirectory(db, locale),
    loadWorkflowConfig(db),
  ]);
  const { entry, attachments, annotations, item, distributions, reply, inReplyTo } = found;
  const tz = utility.timeZone;
  const incoming = entry.direction === "incoming";
  const lead = distributions.find((d) => d.lead === "lead");
  const suggested = suggestLead(config, entry);
  const open = item && item.status !== "resolved" && item.status !== "closed";
  const notices: Record<string, string> = {
    registered: tr("admin.manual.done", { number: entry.registryNo }),
    distributed: tr("admin.distribute.done"),
    annotated: t("annotated"),
    replyRegistered: t("registered", { number: doneNumber ?? "" }),
  };
  const facts: [string, string | null][] = [
    [t("sender"), entry.partyName],
    [t("nationalId"), entry.partyNationalId],
    [t("email"), entry.partyEmail],
    [t("phone"), entry.partyPhone],
    [t("contractNo"), entry.contractNo],
    [ta("channel"), tr(`channel.${entry.channel}`)],
    [ta("category"), tr(`category.${entry.category}`)],
    [ta("registeredAt"), formatDateTime(entry.registeredAt, locale, tz)],
  ];
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={incoming ? ta("incoming") : ta("outgoing")}>
        <bdi>{entry.registryNo}</bdi>
      </PageTitle>
      {done && notices[done] ? <Alert tone="success">{notices[done]}</Alert> : null}

      <Card className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-bold" dir="auto">
            {entry.subject}
          </h2>
          {item ? <StatusBadge status={item.status} staff /> : null}
        </div>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          {facts
            .filter((f): f is [string, string] => !!f[1])
            .map(([k, v]) => (
              <div key={k} className="flex gap-2">
                <dt className="text-slate-600">{k}:</dt>
                <dd className="font-semibold" dir="auto">
                  {v}
                </dd>
              </div>
            ))}
          {entry.customerUserId ? <p className="text-slate-600">{t("account")}</p> : null}
          {item?.resolutionDueAt ? (
            <div className="flex gap-2">
              <dt className="text-slate-600">{ta("due")}:</dt>
              <dd className="font-semibold">{formatDate(item.resolutionDueAt, locale, tz)}</dd>
            </div>
          ) : null}
          {inReplyTo ? (
            <div className="flex gap-2">
              <dt className="text-slate-600">{ta("inReplyTo")}:</dt>
              <dd>
                <Link
                  href={`/backoffice/registry/${inReplyTo.id}`}
                  className="font-semibold text-brand-800 underline"
                >
                  <bdi>{inReplyTo.registryNo}</bdi>
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <p
          className="rounded-lg bg-slate-50 p-3 whitespace-pre-line"
          dir="auto"
          data-testid="letter-body"
        >
          {entry.body}
        </p>
        <div className="flex flex-wrap gap-2">
          {incoming ? (
            <a
              href={`/api/registry/acknowledgement?entry=${entry.id}&lang=${locale}`}
              className={buttonClass("secondary")}
            >
              {t("ack")}
            </a>
          ) : (
            <a href={`/api/registry/reply?entry=${entry.id}`} className={buttonClass("secondary")}>
              {t("letterPdf")}
            </a>
          )}
          {item ? (
            <Link href={`/backoffice/items/${item.id}`} className={buttonClass("secondary")}>
              {t("item")}
            </Link>
          ) : null}
        </div>
      </Card>

      {incoming ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("attachments")}</h2>
          {attachments.length ? (
            <ul className="flex flex-col gap-2 text-sm">
              {attachments.map((a) => (
                <li key={a.position}>
                  <a
                    href={`/api/files/${a.fileId}`}
                    className="font-semibold text-brand-800 underline"
                    dir="auto"
                  >
                    {a.name}
                  </a>{" "}
                  · {formatSize(a.size, locale)}
                  <br />
                  <span className="font-mono text-xs break-all text-slate-600" dir="ltr">
                    {t("sha")} {a.sha256}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">{t("noAttachments")}</p>
          )}
        </Card>
      ) : null}

      {incoming ? (
        <Card>
          <h2 className="mb-3 text-lg font-bold">{tr("admin.distribute.title")}</h2>
          {!open ? (
            <p className="text-slate-600">{tr("admin.distribute.closed")}</p>
          ) : (
            <ActionForm action={distributeAction} submitLabel={tr("admin.distribute.submit")}>
              <input type="hidden" name="entryId" value={entry.id} />
              {lead ? (
                <>
                  <p className="text-sm">
                    {tr("admin.distribute.already", {
                      department: directory.name(lead.departmentCode),
                    })}
                  </p>
                  <input type="hidden" name="lead" value={lead.departmentCode} />
                </>
              ) : (
                <div className="flex flex-col gap-1">
                  <label htmlFor="lead" className={label}>
                    {tr("admin.distribute.lead")}
                  </label>
                  <select id="lead" name="lead" defaultValue={suggested} className={field}>
                    {directory.targets.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.code === suggested
                          ? tr("admin.distribute.suggested", { department: d.name })
                          : d.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <fieldset className="flex flex-col gap-1">
                <legend className={label}>{tr("admin.distribute.copies")}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {directory.targets
                    .filter((d) => !distributions.some((x) => x.departmentCode === d.code))
                    .map((d) => (
                      <label key={d.code} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name="copies" value={d.code} className="size-4" />
                        {d.name}
                      </label>
                    ))}
                </div>
              </fieldset>
              <div className="flex flex-col gap-1">
                <label htmlFor="note" className={label}>
                  {tr("admin.distribute.note")}
                </label>
                <textarea id="note" name="note" rows={2} maxLength={2000} className={field} />
              </div>
            </ActionForm>
          )}
        </Card>
      ) : null}

      {incoming && distributions.length ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("whereIsIt")}</h2>
          <table className="w-full text-sm">
            <tbody>
              {distributions.map((d) => (
                <tr key={d.id} className="border-t border-slate-100">
                  <td className="p-2 font-semibold">
                    {directory.name(d.departmentCode)} (
                    {d.lead === "lead" ? ta("lead") : ta("copy")})
                  </td>
                  <td className="p-2">
                    <Link
                      href={`/backoffice/items/${d.itemId}`}
                      className="text-brand-800 underline"
                    >
                      <bdi>{d.itemNumber}</bdi>
                    </Link>
                  </td>
                  <td className="p-2">
                    <StatusBadge status={d.status} staff />
                  </td>
                  <td className="p-2">
                    {d.assigneeName ? `${t("assignee")} ${d.assigneeName}` : t("nobody")}
                  </td>
                  <td className="p-2 whitespace-nowrap">
                    {d.resolutionDueAt ? formatDate(d.resolutionDueAt, locale, tz) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}

      {incoming ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-lg font-bold">{t("reply")}</h2>
          {!reply ? (
            <p className="text-slate-600">{t("noReply")}</p>
          ) : (
            <>
              <p className="text-sm font-semibold">
                {tr(`admin.replyPanel.status.${reply.reply.status}`, {
                  number: reply.outgoingNo ?? "",
                })}
              </p>
              <p className="font-semibold" dir="auto">
                {reply.reply.subject}
              </p>
              <p className="rounded-lg bg-slate-50 p-3 whitespace-pre-line" dir="auto">
                {reply.reply.body}
              </p>
              {reply.reply.status === "approved" ? (
                <ActionForm action={registerReplyAction} submitLabel={t("register")}>
                  <input type="hidden" name="replyId" value={reply.reply.id} />
                  <input type="hidden" name="entryId" value={entry.id} />
                </ActionForm>
              ) : null}
              {reply.outgoingNo ? (
                <a
                  href={`/api/registry/reply?entry=${entry.id}`}
                  className={buttonClass("secondary", "self-start")}
                >
                  {t("letterPdf")}
                </a>
              ) : null}
            </>
          )}
        </Card>
      ) : null}

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("annotations")}</h2>
        {annotations.length ? (
          <ul className="flex flex-col gap-2">
            {annotations.map((a) => (
              <li key={a.id} className="rounded-lg bg-amber-50 p-2 text-sm">
                <p className="text-xs text-slate-600">
                  {formatDateTime(a.at, locale, tz)} · {a.author}
                </p>
                <p className="whitespace-pre-line" dir="auto">
                  {a.body}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noAnnotations")}</p>
        )}
        <ActionForm action={annotateAction} submitLabel={t("annotate")} variant="secondary">
          <input type="hidden" name="entryId" value={entry.id} />
          <label htmlFor="annotation" className={label}>
            {t("annotation")}
          </label>
          <textarea
            id="annotation"
            name="body"
            rows={2}
            maxLength={2000}
            required
            className={field}
          />
        </ActionForm>
      </Card>
    </div>
  );
}
