"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import {
  createTariffDraftSchema,
  deleteTariffDraftSchema,
  publishTariffVersionSchema,
} from "@/lib/billing/admin-schemas";
import { definitionFromForm } from "@/lib/billing/admin-tariff-form";
import {
  createTariffDraft,
  deleteTariffDraft,
  publishTariffVersion,
} from "@/lib/billing/admin-tariffs";

export const createTariffDraftAction = userAction({
  roles: ["admin"],
  schema: createTariffDraftSchema,
  handler: async (input, { user, meta, locale }) => {
    const version = await createTariffDraft(
      getDb(),
      user,
      {
        tariffId: input.tariffId,
        effectiveFrom: input.effectiveFrom,
        note: input.note,
        definition: definitionFromForm(input),
      },
      meta,
    );
    revalidatePath(`/${locale}/backoffice/tariffs`);
    redirect(`/${locale}/backoffice/tariffs/${input.tariffId}?v=${version.id}`);
  },
});

export const publishTariffVersionAction = userAction({
  roles: ["admin"],
  schema: publishTariffVersionSchema,
  handler: async (input, { user, meta, locale }) => {
    await publishTariffVersion(getDb(), user, input, meta);
    revalidatePath(`/${locale}/backoffice/tariffs`, "layout");
    return { status: "ok" };
  },
});

export const deleteTariffDraftAction = userAction({
  roles: ["admin"],
  schema: deleteTariffDraftSchema,
  handler: async (input, { user, meta, locale }) => {
    await deleteTariffDraft(getDb(), user, input, meta);
    revalidatePath(`/${locale}/backoffice/tariffs`, "layout");
    redirect(`/${locale}/backoffice/tariffs`);
  },
});
