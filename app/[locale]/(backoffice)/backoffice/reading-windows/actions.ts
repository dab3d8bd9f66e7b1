"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { saveZoneWindow, setScheduleDate } from "@/lib/metering/admin-windows";
import { requiredText } from "@/lib/validation/fields";

// requiredText refuses control characters: a NUL byte reached PostgreSQL and came back as an
// internal error instead of a message.
const zone = requiredText(40);
// Days as typed, in any digits ("٣" on an Arabic keyboard). z.coerce.number alone refused those
// and read an empty field as 0, "1e1" as 10 and "0x5" as 5.
const days = z
  .string({ error: "required" })
  .transform((s) => toAsciiDigits(s).trim())
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^\d{1,2}$/, "invalid")
      .transform(Number)
      .pipe(z.number().max(15, "invalid")),
  );
// A real calendar day: "2026-02-30" matched the pattern, and PostgreSQL's refusal of it came
// back as an internal error.
const date = z
  .string({ error: "invalid" })
  .transform((s) => toAsciiDigits(s).trim())
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
      .refine((s) => {
        const parsed = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(s);
      }, "invalid"),
  );

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
