"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { userAction } from "@/lib/actions/form-action";
import { currentRequestMeta, getCurrentUser } from "@/lib/auth/guards";
import {
  appealRejection,
  appealSchema,
  completeDocuments,
  saveDraft,
} from "@/lib/connections/customer-actions";
import { submitConnectionRequest } from "@/lib/connections/submit";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { startQuoteCheckout } from "@/lib/payments/quote-checkout";

/** The signed-in customer, or an error state the form shows. */
async function customerOrError() {
  const user = await getCurrentUser();
  if (!user) return { error: { status: "error", formError: "UNAUTHENTICATED" } as FormState };
  if (user.role !== "customer")
    return { error: { status: "error", formError: "FORBIDDEN" } as FormState };
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "ar";
  return { user, locale };
}

function failure(error: unknown): FormState {
  if (isAppError(error)) return { status: "error", formError: error.code, fields: error.fields };
  console.error("[connections action]", error);
  return { status: "error", formError: "INTERNAL" };
}

/**
 * File the guided form's answers (the object react-hook-form parsed with the shared schema;
 * the server parses it again). Redirects to the new request's page after commit.
 */
export async function submitConnectionAction(payload: unknown): Promise<FormState> {
  const who = await customerOrError();
  if ("error" in who) return who.error!;
  let requestId: string;
  try {
    const filed = await submitConnectionRequest(getDb(), payload, {
      customer: { id: who.user.id, role: "customer", locale: who.locale },
      channel: "web",
      meta: await currentRequestMeta(),
    });
    requestId = filed.requestId;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/${who.locale}/connections`);
  redirect(`/${who.locale}/connections/${requestId}?filed=1`);
}

/** Keep the form as it stands, to come back to it later. */
export async function saveDraftAction(payload: unknown): Promise<FormState> {
  const who = await customerOrError();
  if ("error" in who) return who.error!;
  try {
    await saveDraft(getDb(), who.user.id, payload);
    return { status: "ok", notice: "draftSaved" };
  } catch (error) {
    return failure(error);
  }
}

/** Send the documents the clerk listed; the request goes back to the documents check. */
export async function completeDocumentsAction(
  requestId: string,
  documents: unknown,
): Promise<FormState> {
  const who = await customerOrError();
  if ("error" in who) return who.error!;
  try {
    await completeDocuments(
      getDb(),
      who.user,
      requestId,
      { documents },
      { meta: await currentRequestMeta() },
    );
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/${who.locale}/connections/${requestId}`);
  redirect(`/${who.locale}/connections/${requestId}?completed=1`);
}

const requestIdField = z.uuid({ error: "invalid" });

export const appealAction = userAction({
  roles: ["customer"],
  schema: appealSchema.extend({ requestId: requestIdField }),
  handler: async ({ requestId, reason }, { user, meta, locale }) => {
    await appealRejection(getDb(), { id: user.id, locale }, requestId, { reason }, { meta });
    revalidatePath(`/${locale}/connections/${requestId}`);
    redirect(`/${locale}/connections/${requestId}?appealed=1`);
  },
});

export const payQuoteAction = userAction({
  roles: ["customer"],
  schema: z.object({ requestId: requestIdField, idempotencyKey: z.string().max(100).optional() }),
  handler: async ({ requestId, idempotencyKey }, { user, locale }) => {
    const { url } = await startQuoteCheckout(getDb(), {
      requestId,
      userId: user.id,
      locale,
      origin: env().APP_URL,
      idempotencyKey,
    });
    redirect(url);
  },
});
