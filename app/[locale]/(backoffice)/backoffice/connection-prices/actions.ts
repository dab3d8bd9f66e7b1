"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import {
  createConnectionPrice,
  setConnectionPriceActive,
  updateConnectionPrice,
} from "@/lib/connections/admin/prices";
import {
  createPriceSchema,
  togglePriceSchema,
  updatePriceSchema,
} from "@/lib/connections/admin/schemas";

function refreshed(): FormState {
  revalidatePath("/[locale]/backoffice/connection-prices", "page");
  return { status: "ok" };
}

export const createPriceAction = userAction({
  roles: ["admin"],
  schema: createPriceSchema,
  handler: async (input, { user, meta }) => {
    await createConnectionPrice(getDb(), user, input, meta);
    return refreshed();
  },
});

export const updatePriceAction = userAction({
  roles: ["admin"],
  schema: updatePriceSchema,
  handler: async (input, { user, meta }) => {
    await updateConnectionPrice(getDb(), user, input, meta);
    return refreshed();
  },
});

export const togglePriceAction = userAction({
  roles: ["admin"],
  schema: togglePriceSchema,
  handler: async (input, { user, meta }) => {
    await setConnectionPriceActive(getDb(), user, input, meta);
    return refreshed();
  },
});
