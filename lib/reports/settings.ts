import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { reportSettings, utilities } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import type { Staff } from "@/lib/workflow/access";

/** Whether the utility publishes its monthly figures on the public transparency page. */
export async function isTransparencyPublic(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ on: reportSettings.publicTransparency })
    .from(reportSettings)
    .innerJoin(utilities, eq(utilities.id, reportSettings.utilityId))
    .limit(1);
  return row?.on ?? false;
}

/** An admin switches the public transparency page on or off; the change is audited. */
export async function setTransparencyPublic(
  db: Db,
  staff: Staff,
  on: boolean,
  opts: { now?: Date; meta?: RequestMeta } = {},
): Promise<void> {
  if (staff.role !== "admin") throw new AppError("FORBIDDEN");
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    const [utility] = await tx.select({ id: utilities.id }).from(utilities).limit(1);
    if (!utility) throw new AppError("NOT_FOUND");
    const [before] = await tx
      .select()
      .from(reportSettings)
      .where(eq(reportSettings.utilityId, utility.id))
      .for("update");
    await tx
      .insert(reportSettings)
      .values({
        utilityId: utility.id,
        publicTransparency: on,
        updatedBy: staff.id,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: reportSettings.utilityId,
        set: { publicTransparency: on, updatedBy: staff.id, updatedAt: now },
      });
    await writeAudit(tx, {
      actor: { kind: "user", userId: staff.id, role: staff.role },
      action: "reports.transparency",
      entityType: "utility",
      entityId: utility.id,
      before: { publicTransparency: before?.publicTransparency ?? false },
      after: { publicTransparency: on },
      meta: opts.meta,
    });
  });
}
