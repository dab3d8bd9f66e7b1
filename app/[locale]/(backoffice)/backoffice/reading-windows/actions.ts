"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { saveZoneWindow, setScheduleDate } from "@/lib/metering/admin-windows";

const zone = z.string({ error: "required" }).trim().min(1, "required").max(40, "tooLong");
const days = z.coerce
  .number({ error: "invalid" })
  .int("invalid")
  .min(0, "invalid")
  .max(15, "invalid");
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "invalid");

export const saveWindowAction = userAction({
  roles: ["admin"],
  schema: z.object({ zone, daysBefore: days, daysAfter: days }),
  handler: async (input, { user, meta, locale }) => {
    await saveZoneWindow(getDb(), user, input, meta);
    revalidatePath(`/${locale}/backoffice/reading-windows`);
    return { status: "ok" };
  },
});

export const addDateAction = userAction({
  roles: ["admin"],
  schema: z.object({ zone, date }),
  handler: async (input, { user, meta, locale }) => {
    await setScheduleDate(getDb(), user, { ...input, present: true }, meta);
    revalidatePath(`/${locale}/backoffice/reading-windows`);
    return { status: "ok" };
  },
});

export const removeDateAction = userAction({
  roles: ["admin"],
  schema: z.object({ zone, date }),
  handler: async (input, { user, meta, locale }) => {
    await setScheduleDate(getDb(), user, { ...input, present: false }, meta);
    revalidatePath(`/${locale}/backoffice/reading-windows`);
    return { status: "ok" };
  },
});
