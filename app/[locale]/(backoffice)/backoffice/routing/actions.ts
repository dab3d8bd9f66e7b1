"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import {
  createRoutingRule,
  deleteRoutingRule,
  moveRoutingRule,
  setRoutingRuleActive,
  updateRoutingRule,
} from "@/lib/workflow/admin-routing";
import {
  createRuleSchema,
  moveRuleSchema,
  ruleIdSchema,
  toggleRuleSchema,
  updateRuleSchema,
} from "@/lib/workflow/admin-schemas";

function refreshed(): FormState {
  revalidatePath("/[locale]/backoffice/routing", "page");
  return { status: "ok" };
}

export const createRuleAction = userAction({
  roles: ["admin"],
  schema: createRuleSchema,
  handler: async (input, { user, meta }) => {
    await createRoutingRule(getDb(), user, input, meta);
    return refreshed();
  },
});

export const updateRuleAction = userAction({
  roles: ["admin"],
  schema: updateRuleSchema,
  handler: async (input, { user, meta }) => {
    await updateRoutingRule(getDb(), user, input, meta);
    return refreshed();
  },
});

export const moveRuleAction = userAction({
  roles: ["admin"],
  schema: moveRuleSchema,
  handler: async (input, { user, meta }) => {
    await moveRoutingRule(getDb(), user, input, meta);
    return refreshed();
  },
});

export const toggleRuleAction = userAction({
  roles: ["admin"],
  schema: toggleRuleSchema,
  handler: async (input, { user, meta }) => {
    await setRoutingRuleActive(getDb(), user, input, meta);
    return refreshed();
  },
});

export const deleteRuleAction = userAction({
  roles: ["admin"],
  schema: ruleIdSchema,
  handler: async (input, { user, meta }) => {
    await deleteRoutingRule(getDb(), user, input, meta);
    return refreshed();
  },
});
