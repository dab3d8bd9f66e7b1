import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import type { WorkItem } from "@/db/schema";
import * as actions from "../actions";
import { fieldClass, ItemIdField, TextAreaField } from "./item-form-fields";

const ANSWER_CHANNELS = ["phone", "counter", "email"] as const;

/**
 * Writing to the customer: a reply, and either a question (which pauses the deadline) or,
 * while the item waits on the customer, the answer they gave by phone, at the counter or by
 * e-mail.
 */
export function ItemConversationForms({ item }: { item: Pick<WorkItem, "id" | "status"> }) {
  const t = useTranslations("backoffice.item");
  const ti = useTranslations("items");
  return (
    <>
      <ActionForm
        action={actions.replyAction}
        submitLabel={t("replySubmit")}
        successText={t("replied")}
      >
        <ItemIdField itemId={item.id} />
        <TextAreaField name="body" id="reply-body" label={t("reply")} />
      </ActionForm>
      {item.status !== "waiting_customer" ? (
        <ActionForm
          action={actions.askAction}
          submitLabel={t("askSubmit")}
          successText={t("asked")}
          variant="secondary"
        >
          <ItemIdField itemId={item.id} />
          <TextAreaField name="body" id="ask-body" label={t("ask")} />
        </ActionForm>
      ) : (
        <ActionForm
          action={actions.customerAnswerAction}
          submitLabel={t("customerAnswerSubmit")}
          successText={t("done")}
          variant="secondary"
        >
          <ItemIdField itemId={item.id} />
          <TextAreaField name="body" id="answer-body" label={t("customerAnswer")} />
          <select name="channel" aria-label={t("channel")} className={fieldClass}>
            {ANSWER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {ti(`channel.${c}`)}
              </option>
            ))}
          </select>
        </ActionForm>
      )}
    </>
  );
}

/**
 * An internal note, never shown to the customer. Offered on every item, held or not, open or
 * not: the note action decides who may add one.
 */
export function ItemNoteForm({ itemId }: { itemId: string }) {
  const t = useTranslations("backoffice.item");
  return (
    <Card>
      <ActionForm
        action={actions.noteAction}
        submitLabel={t("noteSubmit")}
        successText={t("noted")}
        variant="secondary"
      >
        <ItemIdField itemId={itemId} />
        <TextAreaField name="body" id="note-body" label={t("note")} />
      </ActionForm>
    </Card>
  );
}
