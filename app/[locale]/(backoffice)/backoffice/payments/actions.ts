"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { counterPaymentSchema } from "@/lib/payments/admin-schemas";
import { AGENCY_COOKIE } from "@/lib/payments/agencies";
import { recordCounterPayment } from "@/lib/payments/counter";

export const recordCounterPaymentAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: counterPaymentSchema,
  handler: async (input, { user, meta, locale }) => {
    const { payment } = await recordCounterPayment(getDb(), user, input, { locale, meta });
    // The clerk's agency is remembered for their next payments on this browser.
    (await cookies()).set(AGENCY_COOKIE, input.agency, {
      path: "/",
      maxAge: 365 * 86_400,
      sameSite: "lax",
      httpOnly: true,
    });
    revalidatePath(`/${locale}/backoffice/payments`);
    // Post/redirect/get: a reload shows the receipt again instead of posting twice, and the
    // next payment gets a fresh form token.
    redirect(`/${locale}/backoffice/payments?paid=${payment.id}`);
  },
});
