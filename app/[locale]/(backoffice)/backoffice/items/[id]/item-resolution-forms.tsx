import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import type { WorkItem } from "@/db/schema";
import { OUTCOMES } from "@/lib/workflow/schemas";
import * as actions from "../actions";
import { fieldClass, ItemIdField, labelClass, TextAreaField } from "./item-form-fields";

/** Resolving an open item: the outcome, a message to the customer, where to turn instead. */
export function ItemResolveForm({ itemId }: { itemId: string }) {
  const t = useTranslations("backoffice.item");
  const ti = useTranslations("items");
  return (
    <ActionForm
      action={actions.resolveAction}
      submitLabel={t("resolveSubmit")}
      successText={t("resolved")}
    >
      <ItemIdField itemId={itemId} />
      <label htmlFor="outcome" className={labelClass}>
        {t("outcome")}
      </label>
      <select id="outcome" name="outcome" className={fieldClass}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {ti(`outcome.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor="resolve-note" className={labelClass}>
        {t("resolveNote")}
      </label>
      <textarea id="resolve-note" name="note" rows={2} maxLength={5000} className={fieldClass} />
      <label htmlFor="resolve-redirect" className={labelClass}>
        {t("redirect")}
      </label>
      <input id="resolve-redirect" name="redirect" maxLength={1000} className={fieldClass} />
    </ActionForm>
  );
}

/**
 * An item no longer open: a resolved one can be closed, and any that was not merged into
 * another can be reopened with a reason.
 */
export function ItemClosedForms({
  item,
}: {
  item: Pick<WorkItem, "id" | "status" | "mergedIntoId">;
}) {
  const t = useTranslations("backoffice.item");
  return (
    <>
      {item.status === "resolved" ? (
        <Card className="flex flex-wrap gap-3">
          <ActionForm
            action={actions.closeAction}
            submitLabel={t("close")}
            variant="secondary"
            className="flex"
          >
            <ItemIdField itemId={item.id} />
          </ActionForm>
        </Card>
      ) : null}
      {!item.mergedIntoId ? (
        <Card>
          <ActionForm
            action={actions.reopenAction}
            submitLabel={t("reopenSubmit")}
            successText={t("done")}
            variant="secondary"
          >
            <ItemIdField itemId={item.id} />
            <TextAreaField name="reason" id="reopen-reason" label={t("reopen")} />
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
