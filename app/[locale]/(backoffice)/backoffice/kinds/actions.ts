"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import {
  createRequestKind,
  saveKindPolicies,
  setRequestKindActive,
  updateRequestKind,
} from "@/lib/workflow/admin-kinds";
import {
  createKindSchema,
  kindPoliciesSchema,
  toggleKindSchema,
  updateKindSchema,
} from "@/lib/workflow/admin-schemas";

function refreshed(): FormState {
  revalidatePath("/[locale]/backoffice/kinds", "page");
  // The routing page lists kinds in its selects.
  revalidatePath("/[locale]/backoffice/routing", "page");
  return { status: "ok" };
}

export const createKindAction = userAction({
  roles: ["admin"],
  schema: createKindSchema,
  handler: async (input, { user, meta }) => {
    await createRequestKind(getDb(), user, input, meta);
    return refreshed();
  },
});

export const updateKindAction = userAction({
  roles: ["admin"],
  schema: updateKindSchema,
  handler: async (input, { user, meta }) => {
    await updateRequestKind(getDb(), user, input, meta);
    return refreshed();
  },
});

export const toggleKindAction = userAction({
  roles: ["admin"],
  schema: toggleKindSchema,
  handler: async (input, { user, meta }) => {
    await setRequestKindActive(getDb(), user, input, meta);
    return refreshed();
  },
});

export const savePoliciesAction = userAction({
  roles: ["admin"],
  schema: kindPoliciesSchema,
  handler: async (input, { user, meta }) => {
    await saveKindPolicies(getDb(), user, input, meta);
    return refreshed();
  },
});
