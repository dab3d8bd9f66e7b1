import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountContracts, contracts, customers, meters, type User } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { anyLocked, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import type { LinkContractInput } from "./schemas";
import { canonicalSql } from "@/lib/validation/canonical-sql";

const canonical = canonicalSql;

/**
 * Link a contract to an account when the caller proves it is theirs: the contract number plus
 * the serial of its active meter or the customer code printed on its bills. Every wrong pair —
 * unknown number, wrong serial, terminated contract — gets the same CONTRACT_LINK_FAILED and
 * counts toward the account's and the address's throttles.
 */
export async function linkContract(
  db: Db,
  user: Pick<User, "id" | "role">,
  input: LinkContractInput,
  meta: RequestMeta,
): Promise<{ contractId: string; alreadyLinked: boolean }> {
  const keys = [throttleKeys.link(user.id), throttleKeys.ip(meta.ip)];
  if (await anyLocked(db, keys)) throw new AppError("RATE_LIMITED");

  const [match] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(
      and(
        sql`${canonical(contracts.contractNo)} = ${input.contractNo}`,
        sql`${contracts.status} <> 'terminated'`,
        sql`(${canonical(customers.customerCode)} = ${input.proof} or exists (
          select 1 from ${meters} m where m.contract_id = ${contracts.id} and m.active
            and ${canonical(sql`m.serial`)} = ${input.proof}))`,
      ),
    );
  if (!match) {
    await recordFailure(db, keys);
    throw new AppError("CONTRACT_LINK_FAILED");
  }

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(accountContracts)
      .values({ userId: user.id, contractId: match.id })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) return { contractId: match.id, alreadyLinked: true };
    await writeAudit(tx, {
      actor: { kind: "user", userId: user.id, role: user.role },
      action: "contract.link",
      entityType: "contract",
      entityId: match.id,
      after: { userId: user.id },
      meta,
    });
    return { contractId: match.id, alreadyLinked: false };
  });
}
