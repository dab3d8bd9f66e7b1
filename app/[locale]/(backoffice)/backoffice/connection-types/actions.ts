"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import {
  createTypeSchema,
  toggleTypeSchema,
  updateTypeSchema,
} from "@/lib/connections/admin/schemas";
import {
  createConnectionType,
  setConnectionTypeActive,
  updateConnectionType,
} from "@/lib/connections/admin/types";

function refreshed(): FormState {
  revalidatePath("/[locale]/backoffice/connection-types", "page");
  // A new type adds a kind and a routing rule, listed on those pages.
  revalidatePath("/[locale]/backoffice/kinds", "page");
  revalidatePath("/[locale]/backoffice/routing", "page");
  return { status: "ok" };
}

export const createConnectionTypeAction = userAction({
  roles: ["admin"],
  schema: createTypeSchema,
  handler: async (input, { user, meta }) => {
    await createConnectionType(getDb(), user, input, meta);
    return refreshed();
  },
});

export const updateConnectionTypeAction = userAction({
  roles: ["admin"],
  schema: updateTypeSchema,
  handler: async (input, { user, meta }) => {
    await updateConnectionType(getDb(), user, input, meta);
    return refreshed();
  },
});

export const toggleConnectionTypeAction = userAction({
  roles: ["admin"],
  schema: toggleTypeSchema,
  handler: async (input, { user, meta }) => {
    await setConnectionTypeActive(getDb(), user, input, meta);
    return refreshed();
  },
});
