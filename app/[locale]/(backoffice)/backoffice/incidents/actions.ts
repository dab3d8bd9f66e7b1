"use server";

import { revalidatePath } from "next/cache";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { workItems } from "@/db/schema";
import { userAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import {
  attachToIncident,
  openIncident,
  replyToIncident,
  resolveIncident,
} from "@/lib/workflow/incidents";
import { optionalText, requiredText } from "@/lib/validation/fields";

const SUPERVISORS = ["supervisor", "admin"] as const;
const staffOf = (u: { id: string; role: string }) => ({
  id: u.id,
  role: u.role as "supervisor" | "admin",
});
const list = (max: number) =>
  z
    .string()
    .max(4000, "tooLong")
    .transform((s) =>
      s
        .split(/[,\n،]/)
        .map((k) => k.trim())
        .filter(Boolean),
    )
    // requiredText also refuses control characters: a NUL byte reached PostgreSQL (which cannot
    // store it) and came back as an internal error instead of a message.
    .pipe(z.array(requiredText(60)).max(max, "tooLong"));

export const openIncidentAction = userAction({
  roles: [...SUPERVISORS],
  schema: z.object({
    title: requiredText(200),
    departmentCode: requiredText(40),
    service: z
      .enum(["electricity", "water", "sanitation"])
      .optional()
      .or(z.literal("").transform(() => undefined)),
    zone: optionalText(40),
    keywords: list(30),
  }),
  handler: async (input, { user, meta, locale }) => {
    await openIncident(getDb(), staffOf(user), input, { meta });
    revalidatePath(`/${locale}/backoffice/incidents`);
    return { status: "ok" };
  },
});

export const attachAction = userAction({
  roles: [...SUPERVISORS],
  schema: z.object({ incidentId: z.uuid({ error: "invalid" }), numbers: list(500) }),
  handler: async ({ incidentId, numbers }, { user, meta, locale }) => {
    if (!numbers.length)
      throw new AppError("VALIDATION_FAILED", "no numbers", { numbers: "required" });
    const rows = await getDb()
      .select({ id: workItems.id, number: workItems.number })
      .from(workItems)
      .where(
        inArray(
          workItems.number,
          numbers.map((n) => n.toUpperCase()),
        ),
      );
    if (rows.length !== numbers.length)
      throw new AppError("VALIDATION_FAILED", "unknown numbers", { numbers: "itemUnknown" });
    await attachToIncident(
      getDb(),
      staffOf(user),
      incidentId,
      rows.map((r) => r.id),
      { meta },
    );
    revalidatePath(`/${locale}/backoffice/incidents`);
    return { status: "ok" };
  },
});

export const incidentReplyAction = userAction({
  roles: [...SUPERVISORS],
  schema: z.object({ incidentId: z.uuid({ error: "invalid" }), body: requiredText(5000) }),
  handler: async ({ incidentId, body }, { user, meta, locale }) => {
    await replyToIncident(getDb(), staffOf(user), incidentId, body, { meta });
    revalidatePath(`/${locale}/backoffice/incidents`);
    return { status: "ok" };
  },
});

export const incidentResolveAction = userAction({
  roles: [...SUPERVISORS],
  schema: z.object({ incidentId: z.uuid({ error: "invalid" }), note: requiredText(5000) }),
  handler: async ({ incidentId, note }, { user, meta, locale }) => {
    await resolveIncident(getDb(), staffOf(user), incidentId, { note }, { meta });
    revalidatePath(`/${locale}/backoffice/incidents`);
    return { status: "ok" };
  },
});
