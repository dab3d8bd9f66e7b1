import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import type { WorkItem } from "@/db/schema";
import * as actions from "../actions";
import { fieldClass, ItemIdField, labelClass } from "./item-form-fields";

/**
 * Moving an open item along without answering it: transfer to another department, wait on an
 * internal step (or resume), tell the customer of a delay. Folded away, as they are rarer.
 */
export function ItemRoutingForms({
  item,
  departments,
}: {
  item: Pick<WorkItem, "id" | "status">;
  /** The departments the item can go to (not its own), named in the reader's language. */
  departments: { id: string; code: string; name: string }[];
}) {
  const t = useTranslations("backoffice.item");
  const waiting = item.status === "waiting_internal";
  return (
    <>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">{t("transfer")}</summary>
        <ActionForm
          action={actions.transferAction}
          submitLabel={t("transferSubmit")}
          className="mt-2 flex flex-col gap-2"
        >
          <ItemIdField itemId={item.id} />
          <select name="departmentCode" aria-label={t("department")} className={fieldClass}>
            {departments.map((d) => (
              <option key={d.id} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          <label htmlFor="transfer-reason" className={labelClass}>
            {t("reason")}
          </label>
          <input
            id="transfer-reason"
            name="reason"
            required
            maxLength={1000}
            className={fieldClass}
          />
        </ActionForm>
      </details>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">
          {waiting ? t("resume") : t("waitInternal")}
        </summary>
        {waiting ? (
          <ActionForm
            action={actions.resumeAction}
            submitLabel={t("resume")}
            className="mt-2 flex flex-col gap-2"
          >
            <ItemIdField itemId={item.id} />
          </ActionForm>
        ) : (
          <ActionForm
            action={actions.waitInternalAction}
            submitLabel={t("waitSubmit")}
            className="mt-2 flex flex-col gap-2"
          >
            <ItemIdField itemId={item.id} />
            <input
              name="body"
              required
              maxLength={1000}
              aria-label={t("reason")}
              className={fieldClass}
            />
          </ActionForm>
        )}
      </details>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">{t("delay")}</summary>
        <ActionForm
          action={actions.delayAction}
          submitLabel={t("delaySubmit")}
          successText={t("done")}
          className="mt-2 flex flex-col gap-2"
        >
          <ItemIdField itemId={item.id} />
          <label htmlFor="delay-date" className={labelClass}>
            {t("newDueAt")}
          </label>
          <input
            id="delay-date"
            type="datetime-local"
            name="newDueAt"
            required
            className={fieldClass}
          />
          <label htmlFor="delay-reason" className={labelClass}>
            {t("reason")}
          </label>
          <input id="delay-reason" name="reason" required maxLength={1000} className={fieldClass} />
        </ActionForm>
      </details>
    </>
  );
}
