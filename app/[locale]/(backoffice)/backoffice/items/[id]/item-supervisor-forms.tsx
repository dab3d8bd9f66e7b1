import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import type { WorkItem } from "@/db/schema";
import { PRIORITIES } from "@/lib/workflow/schemas";
import * as actions from "../actions";
import { fieldClass, ItemIdField, labelClass } from "./item-form-fields";

/** A supervisor's controls on an open item: give it to a colleague, change its priority. */
export function ItemSupervisorForms({
  item,
  colleagues,
}: {
  item: Pick<WorkItem, "id" | "priority">;
  /** The staff of the item's department, by name. */
  colleagues: { id: string; name: string }[];
}) {
  const t = useTranslations("backoffice.item");
  const ti = useTranslations("items");
  return (
    <Card className="flex flex-col gap-4">
      <ActionForm
        action={actions.reassignAction}
        submitLabel={t("reassignSubmit")}
        successText={t("done")}
      >
        {/* The reassign action takes a comma-separated list of items; here, just this one. */}
        <input type="hidden" name="itemIds" value={item.id} />
        <label htmlFor="assignee" className={labelClass}>
          {t("reassign")}
        </label>
        <select id="assignee" name="assigneeId" className={fieldClass}>
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
        <ItemIdField itemId={item.id} />
        <label htmlFor="priority" className={labelClass}>
          {t("changePriority")}
        </label>
        <select id="priority" name="priority" defaultValue={item.priority} className={fieldClass}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {ti(`priority.${p}`)}
            </option>
          ))}
        </select>
      </ActionForm>
    </Card>
  );
}
