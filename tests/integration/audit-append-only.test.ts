import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { createTestDatabase, pgErrorOf } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

describe("audit log", () => {
  it("records who did what with before and after, and redacts secrets", async () => {
    await writeAudit(db, {
      actor: { kind: "system", label: "test" },
      action: "user.update",
      entityType: "user",
      entityId: "u-1",
      before: { name: "A", passwordHash: "argon2-secret" },
      after: { name: "B" },
      meta: { ip: "203.0.113.9", userAgent: "vitest" },
    });
    const [row] = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = 'u-1'`);
    expect(row).toMatchObject({
      action: "user.update",
      actorLabel: "test",
      ip: "203.0.113.9",
      after: { name: "B" },
    });
    expect(row?.before).toEqual({ name: "A", passwordHash: "[redacted]" });
  });

  it("refuses UPDATE, even by the table's owner", async () => {
    const error = await pgErrorOf(db.execute(sql`update audit_log set action = 'forged'`));
    expect(error.message).toMatch(/append-only/);
    expect(error.code).toBe("42501");
  });

  it("refuses DELETE", async () => {
    const error = await pgErrorOf(db.execute(sql`delete from audit_log`));
    expect(error.message).toMatch(/append-only/);
    expect(error.code).toBe("42501");
  });

  it("refuses TRUNCATE", async () => {
    const error = await pgErrorOf(db.execute(sql`truncate audit_log`));
    expect(error.message).toMatch(/append-only/);
    expect(error.code).toBe("42501");
  });

  it("keeps every row after the refused attempts", async () => {
    const { rows } = await db.execute(
      sql`select count(*)::int as n from audit_log where action = 'forged'`,
    );
    expect((rows[0] as { n: number }).n).toBe(0);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = 'u-1'`);
    expect(row?.action).toBe("user.update");
  });
});
