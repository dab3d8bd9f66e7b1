import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  bills,
  contractDeposits,
  contracts,
  meters,
  paymentAllocations,
  payments,
  type User,
} from "@/db/schema";
import { moveTo } from "@/lib/connections/clerk-actions";
import { uploadConnectionDocument } from "@/lib/connections/documents";
import { getRequestDetail } from "@/lib/connections/queries";
import { submitConnectionRequest } from "@/lib/connections/submit";
import {
  closeContract,
  issueFinalBill,
  recordFinalReading,
  settleDeposit,
} from "@/lib/connections/termination";
import { listAccountContracts } from "@/lib/contracts/queries";
import { dueByBill } from "@/lib/payments/ledger";
import { createTestDatabase } from "../helpers/db";
import { pngBytes } from "../helpers/connections";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let salma: User;
let clerk: User;

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "wasla-term-"));
  ({ db } = await createTestDatabase());
  salma = await userByEmail(db, "salma@wasla.example");
  clerk = await userByEmail(db, "connections@wasla.example");
});

describe("a termination", () => {
  it("final reading → final bill with the deposit deducted → credit refunded in the ledger → contract closed", async () => {
    const [contract] = await listAccountContracts(db, { userId: salma.id });
    // The deposit the customer paid when connected: larger than the final bill, so a credit remains.
    await db
      .insert(contractDeposits)
      .values({ contractId: contract!.id, amountMinor: 500000, currency: "MAD" });
    const idCard = await uploadConnectionDocument(db, {
      userId: salma.id,
      bytes: pngBytes(),
      name: "cin.png",
    });
    const filed = await submitConnectionRequest(
      db,
      {
        typeCode: "termination",
        service: contract!.service,
        applicant: {
          name: "Salma Idrissi",
          nationalId: "JB445566",
          phone: "0662000000",
          email: "salma@wasla.example",
        },
        premises: { addressLine: "3 rue de Fès", city: "El Jadida", use: "domestic" },
        detail: contract!.service === "electricity" ? "6" : "15",
        contractNo: contract!.contractNo,
        terminationReason: "move",
        documents: { national_id: idCard.fileId },
      },
      { customer: { id: salma.id, role: "customer", locale: "ar" }, channel: "web" },
    );

    // No bill before the final reading; no going straight to the closure.
    expect((await appErrorOf(issueFinalBill(db, clerk, filed.requestId))).code).toBe(
      "INVALID_TRANSITION",
    );
    expect((await appErrorOf(moveTo(db, clerk, filed.requestId, "contract_closed"))).code).toBe(
      "INVALID_TRANSITION",
    );

    const lastIndex = contract!.meters[0]!.registers[0]!.lastIndex;
    expect(
      (
        await appErrorOf(
          recordFinalReading(db, clerk, filed.requestId, { index: "0", source: "self" }),
        )
      ).fields,
    ).toEqual({ index: "lowerThanPrevious" });
    await recordFinalReading(db, clerk, filed.requestId, {
      index: String(Number(lastIndex ?? 0) + 40),
      source: "self",
    });
    const billed = await issueFinalBill(db, clerk, filed.requestId);
    const [bill] = await db.select().from(bills).where(eq(bills.id, billed.finalBillId!));
    expect(bill!.totalMinor).toBeGreaterThan(0);
    expect(bill!.totalMinor).toBeLessThan(500000);

    await settleDeposit(db, clerk, filed.requestId);
    const [deposit] = await db
      .select()
      .from(contractDeposits)
      .where(eq(contractDeposits.contractId, contract!.id));
    const [payment] = await db
      .select()
      .from(payments)
      .where(eq(payments.id, deposit!.settlementPaymentId!));
    const credit = 500000 - bill!.totalMinor;
    expect(payment).toMatchObject({
      provider: "deposit",
      status: "succeeded",
      amountMinor: 500000,
      refundedMinor: credit,
    });
    const allocations = await db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, payment!.id));
    expect(allocations).toEqual([
      expect.objectContaining({ billId: bill!.id, amountMinor: bill!.totalMinor }),
    ]);
    expect((await dueByBill(db, [bill!.id])).get(bill!.id)!.dueMinor).toBe(0);
    // Settling twice is refused by the stage rules and would not touch the ledger again.
    expect((await appErrorOf(settleDeposit(db, clerk, filed.requestId))).code).toBe(
      "INVALID_TRANSITION",
    );

    const closed = await closeContract(db, clerk, filed.requestId);
    expect(closed.stage).toBe("contract_closed");
    const [after] = await db.select().from(contracts).where(eq(contracts.id, contract!.id));
    expect(after!.status).toBe("terminated");
    expect(after!.endDate).not.toBeNull();
    const active = await db
      .select()
      .from(meters)
      .where(sql`${meters.contractId} = ${contract!.id} and ${meters.active}`);
    expect(active).toHaveLength(0);
    const detail = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: salma.id },
    });
    expect(detail!.history.map((h) => h.toStage)).toEqual([
      "submitted",
      "final_reading",
      "final_bill",
      "deposit_settled",
      "contract_closed",
    ]);
    expect(detail!.item.status).toBe("resolved");
  });

  it("refuses a termination of a contract that is not the customer's", async () => {
    const idCard = await uploadConnectionDocument(db, {
      userId: salma.id,
      bytes: pngBytes(),
      name: "cin.png",
    });
    const error = await appErrorOf(
      submitConnectionRequest(
        db,
        {
          typeCode: "termination",
          service: "water",
          applicant: {
            name: "Salma Idrissi",
            nationalId: "JB445566",
            phone: "0662000000",
            email: "salma@wasla.example",
          },
          premises: { addressLine: "3 rue de Fès", city: "El Jadida", use: "domestic" },
          detail: "15",
          contractNo: "2000000101",
          terminationReason: "sale",
          documents: { national_id: idCard.fileId },
        },
        { customer: { id: salma.id, role: "customer", locale: "ar" }, channel: "web" },
      ),
    );
    expect(error.fields).toEqual({ contractNo: "contractUnknown" });
  });
});
