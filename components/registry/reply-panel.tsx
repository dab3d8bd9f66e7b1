import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { replyContextForItem } from "@/lib/registry/queries";
import type { Staff } from "@/lib/workflow/access";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const field = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold text-slate-800";

/**
 * On a department's item made from a letter: the letter's documents, and the reply — drafted
 * here by the lead department's clerk, approved here by its supervisor, then registered and
 * sent by the mail registry office. A copy for information only shows the letter.
 */
export async function RegistryReplyPanel({
  itemId,
  entryId,
  staff,
  open,
  done,
  actions,
}: {
  itemId: string;
  entryId: string | null;
  staff: Staff;
  locale: Locale;
  open: boolean;
  done?: string;
  actions: { draft: Action; approve: Action };
}) {
  const t = await getTranslations("registry.admin.replyPanel");
  const ta = await getTranslations("registry.admin");
  const context = await replyContextForItem(getDb(), staff, itemId);
  if (!context) {
    // The registry office's own item: its work is on the register entry.
    return entryId ? (
      <Link
        href={`/backoffice/registry/${entryId}`}
        className={buttonClass("secondary", "self-start")}
      >
        {ta("open")} · {ta("title")}
      </Link>
    ) : null;
  }
  const { entry, reply, attachments } = context;
  const supervisor = staff.role === "supervisor" || staff.role === "admin";
  const editable = open && context.lead && reply?.reply.status !== "registered";
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-bold">
        {context.lead
          ? t("title", { number: entry.registryNo })
          : t("copy", { number: entry.registryNo })}
      </h2>
      {done === "replyDrafted" ? <Alert tone="success">{t("saved")}</Alert> : null}
      {done === "replyApproved" ? <Alert tone="success">{t("approved")}</Alert> : null}
      {attachments.length ? (
        <ul className="flex flex-wrap gap-3 text-sm">
          {attachments.map((a) => (
            <li key={a.position}>
              <a
                href={`/api/files/${a.fileId}`}
                className="font-semibold text-brand-800 underline"
                dir="auto"
              >
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {reply ? (
        <div className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3" data-testid="reply-status">
          <p className="text-sm font-semibold">
            {t(`status.${reply.reply.status}`, { number: reply.outgoingNo ?? "" })}
          </p>
          <p className="font-semibold" dir="auto">
            {reply.reply.subject}
          </p>
          <p className="whitespace-pre-line" dir="auto">
            {reply.reply.body}
          </p>
          {reply.reply.status === "draft" && supervisor ? (
            <ActionForm action={actions.approve} submitLabel={t("approve")}>
              <input type="hidden" name="replyId" value={reply.reply.id} />
              <input type="hidden" name="itemId" value={itemId} />
            </ActionForm>
          ) : null}
        </div>
      ) : null}
      {editable ? (
        <ActionForm
          action={actions.draft}
          submitLabel={t("save")}
          variant={reply ? "secondary" : "primary"}
        >
          <input type="hidden" name="itemId" value={itemId} />
          <h3 className="font-bold">{t("draft")}</h3>
          <div className="flex flex-col gap-1">
            <label htmlFor="reply-locale" className={label}>
              {t("locale")}
            </label>
            <select
              id="reply-locale"
              name="locale"
              defaultValue={reply?.reply.locale === "fr" || entry.locale === "fr" ? "fr" : "ar"}
              className={field}
            >
              <option value="ar">{ta("languages.ar")}</option>
              <option value="fr">{ta("languages.fr")}</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="reply-subject" className={label}>
              {t("subject")}
            </label>
            <input
              id="reply-subject"
              name="subject"
              required
              maxLength={200}
              defaultValue={reply?.reply.subject ?? ""}
              className={field}
              dir="auto"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="reply-body" className={label}>
              {t("body")}
            </label>
            <textarea
              id="reply-body"
              name="body"
              rows={6}
              required
              maxLength={10000}
              defaultValue={reply?.reply.body ?? ""}
              className={field}
              dir="auto"
            />
          </div>
        </ActionForm>
      ) : null}
    </Card>
  );
}
