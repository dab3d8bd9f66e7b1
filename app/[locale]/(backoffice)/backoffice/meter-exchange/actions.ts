"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { meterExchangeSchema } from "@/lib/metering/exchange-schema";
import { recordMeterExchange } from "@/lib/metering/meter-exchange";

/** The exchange form's action: the same schema as the form, then the service's own checks. */
export const recordExchangeAction = userAction({
  roles: ["clerk", "supervisor", "admin"],
  schema: meterExchangeSchema,
  handler: async (input, { user, meta, locale }) => {
    await recordMeterExchange(getDb(), user, input, meta);
    revalidatePath(`/${locale}/backoffice/meter-exchange`);
    return { status: "ok", notice: "recorded", values: { newSerial: input.newSerial } };
  },
});
