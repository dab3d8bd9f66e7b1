import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { StatusBadge } from "@/components/requests/status-badge";
import { Alert } from "@/components/ui/alert";
import type { WorkItem } from "@/db/schema";
import * as actions from "../actions";
import { ItemIdField } from "./item-form-fields";

const DONE_NOTICES = ["replied", "noted", "asked", "resolved", "done"] as const;

/**
 * The top of the item page: the notice the last action left in the address, the number and
 * title, the status, and the button to take or give back the item.
 */
export function ItemHeader({
  item,
  done,
  filed,
  open,
  heldByMe,
  heldByOther,
  supervisor,
}: {
  item: Pick<WorkItem, "id" | "number" | "title" | "status" | "trackingCode">;
  done?: string;
  filed?: string;
  open: boolean;
  heldByMe: boolean;
  heldByOther: boolean;
  supervisor: boolean;
}) {
  const t = useTranslations("backoffice.item");
  return (
    <>
      {done && (DONE_NOTICES as readonly string[]).includes(done) ? (
        <Alert tone="success">{t(done as (typeof DONE_NOTICES)[number])}</Alert>
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
          <StatusBadge status={item.status} staff />
          {open && !heldByMe && !heldByOther ? (
            <ActionForm action={actions.claimAction} submitLabel={t("claim")} className="flex">
              <ItemIdField itemId={item.id} />
            </ActionForm>
          ) : null}
          {heldByMe ? (
            <ActionForm
              action={actions.releaseAction}
              submitLabel={t("release")}
              variant="secondary"
              className="flex"
            >
              <ItemIdField itemId={item.id} />
            </ActionForm>
          ) : null}
        </div>
      </header>
      {heldByOther && !supervisor ? <Alert tone="warning">{t("heldByOther")}</Alert> : null}
    </>
  );
}
