import type { Db } from "@/db/client";
import { registryAnnotations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { Staff } from "@/lib/workflow/access";
import { entryForRegistryStaff } from "./access";

/**
 * A correction or remark on a registry entry. Entries are never edited (the database refuses
 * it); what was registered stays readable, and the annotation says what is wrong with it.
 */
export async function annotateEntry(
  db: Db,
  staff: Staff,
  input: { entryId: string; body: string },
  opts: { now?: Date; meta?: RequestMeta } = {},
): Promise<void> {
  const entry = await entryForRegistryStaff(db, staff, input.entryId);
  await db.transaction(async (tx) => {
    await tx.insert(registryAnnotations).values({
      entryId: entry.id,
      authorId: staff.id,
      body: input.body,
      at: opts.now ?? new Date(),
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId: staff.id, role: staff.role },
      action: "registry.annotate",
      entityType: "registry_entry",
      entityId: entry.id,
      after: { body: input.body },
      meta: opts.meta,
    });
  });
}
