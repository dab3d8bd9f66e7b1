"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import {
  addHoliday,
  addOverride,
  removeHoliday,
  removeOverride,
  saveCalendarSettings,
} from "@/lib/workflow/admin-calendar";
import {
  calendarSettingsSchema,
  dayRefSchema,
  holidaySchema,
  overrideSchema,
} from "@/lib/workflow/admin-schemas";

function refreshed(): FormState {
  // The time zone also shows every date of the back office: refresh the whole layout.
  revalidatePath("/[locale]/backoffice", "layout");
  return { status: "ok" };
}

export const saveCalendarAction = userAction({
  roles: ["admin"],
  schema: calendarSettingsSchema,
  handler: async (input, { user, meta }) => {
    await saveCalendarSettings(getDb(), user, input, meta);
    return refreshed();
  },
});

export const addHolidayAction = userAction({
  roles: ["admin"],
  schema: holidaySchema,
  handler: async (input, { user, meta }) => {
    await addHoliday(getDb(), user, input, meta);
    return refreshed();
  },
});

export const removeHolidayAction = userAction({
  roles: ["admin"],
  schema: dayRefSchema,
  handler: async (input, { user, meta }) => {
    await removeHoliday(getDb(), user, input, meta);
    return refreshed();
  },
});

export const addOverrideAction = userAction({
  roles: ["admin"],
  schema: overrideSchema,
  handler: async (input, { user, meta }) => {
    await addOverride(getDb(), user, input, meta);
    return refreshed();
  },
});

export const removeOverrideAction = userAction({
  roles: ["admin"],
  schema: dayRefSchema,
  handler: async (input, { user, meta }) => {
    await removeOverride(getDb(), user, input, meta);
    return refreshed();
  },
});
