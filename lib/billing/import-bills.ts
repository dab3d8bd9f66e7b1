/**
 * Bills from an external billing system (a utility moving to Wasla, or a sub-contracted zone):
 * every row checked against the database too, then all imported in one transaction, or none.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billLines, bills, contracts, meterRegisters, meters } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { getUtility } from "@/lib/utility/get-utility";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { BILL_PREFIX } from "@/lib/workflow/reserved-prefixes";
import { billingActorOf, type BillingStaff } from "./admin-access";
import { newPaymentReference, type BillExplanation } from "./bill-contract";
import { daysBetween, localDate } from "./dates";
import { parseBillsCsv, type ImportError, type ImportRow } from "./import-csv";

export type ImportResult =
  | { ok: true; imported: { billId: string; billNo: string; externalRef: string }[] }
  | { ok: false; errors: ImportError[] };

const UNIT_OF_SERVICE = { electricity: "kWh", water: "m3", sanitation: "m3" } as const;

/** A display-only tax rate (4 decimals) from integer amounts: the lines keep the exact tax. */
function rateOf(taxMinor: number, beforeTaxMinor: number): string {
  if (beforeTaxMinor <= 0) return "0";
  const tenThousandths = Math.round((taxMinor * 10000) / beforeTaxMinor);
  return `${Math.floor(tenThousandths / 10000)}.${String(tenThousandths % 10000).padStart(4, "0")}`;
}

/**
 * Import a CSV file of bills (docs/billing-import.md). Any bad row — in the file or against the
 * database (unknown contract, unit of another service, a live bill already covering the period,
 * the same external number imported before) — is reported with its line, and nothing is
 * imported. Otherwise each row becomes a bill with our own number and payment reference, its
 * external number kept, one summary line, and an audit row.
 */
export async function importBills(
  db: Db,
  staff: BillingStaff,
  file: string | Uint8Array,
  options: { now?: Date; meta?: RequestMeta } = {},
): Promise<ImportResult> {
  const actor = await billingActorOf(db, staff);
  const parsed = parseBillsCsv(file);
  if (!parsed.ok) return parsed;
  const now = options.now ?? new Date();

  return db.transaction(async (tx) => {
    const numbers = [...new Set(parsed.rows.map((r) => r.contractNo))];
    // Locked like a billing run locks them: a run and an import never bill one period twice.
    const found = await tx
      .select({ id: contracts.id, contractNo: contracts.contractNo, service: contracts.service })
      .from(contracts)
      .where(inArray(contracts.contractNo, numbers))
      .for("update");
    const byNo = new Map(found.map((c) => [c.contractNo, c]));
    const errors: ImportError[] = [];
    const ready: (ImportRow & {
      contractId: string;
      service: (typeof found)[number]["service"];
    })[] = [];
    for (const row of parsed.rows) {
      const contract = byNo.get(row.contractNo);
      if (!contract) {
        errors.push({ line: row.line, column: "contractNo", code: "UNKNOWN_CONTRACT" });
        continue;
      }
      if (UNIT_OF_SERVICE[contract.service] !== row.unit) {
        errors.push({ line: row.line, column: "unit", code: "UNIT_MISMATCH" });
        continue;
      }
      ready.push({ ...row, contractId: contract.id, service: contract.service });
    }
    // File rows of one contract must not overlap each other either.
    for (const row of ready) {
      const overlap = ready.find(
        (o) =>
          o !== row &&
          o.contractId === row.contractId &&
          o.line < row.line &&
          o.periodStart < row.periodEnd &&
          o.periodEnd > row.periodStart,
      );
      if (overlap)
        errors.push({ line: row.line, column: "periodStart", code: "DUPLICATE_IN_FILE" });
    }
    if (ready.length) {
      const ids = [...new Set(ready.map((r) => r.contractId))];
      const existing = await tx
        .select({
          contractId: bills.contractId,
          periodStart: bills.periodStart,
          periodEnd: bills.periodEnd,
          externalRef: bills.externalRef,
          status: bills.status,
        })
        .from(bills)
        .where(
          and(
            inArray(bills.contractId, ids),
            or(eq(bills.status, "issued"), eq(bills.source, "import")),
          ),
        );
      for (const row of ready) {
        const mine = existing.filter((b) => b.contractId === row.contractId);
        if (mine.some((b) => b.externalRef === row.externalRef))
          errors.push({ line: row.line, column: "billNo", code: "ALREADY_IMPORTED" });
        else if (
          mine.some(
            (b) =>
              b.status === "issued" &&
              b.periodStart < row.periodEnd &&
              b.periodEnd > row.periodStart,
          )
        )
          errors.push({ line: row.line, column: "periodStart", code: "ALREADY_BILLED" });
      }
    }
    if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

    const utility = await getUtility(tx);
    const year = Number(localDate(now, utility.timeZone).slice(0, 4));
    const imported: { billId: string; billNo: string; externalRef: string }[] = [];
    for (const row of ready) {
      const [meter] = await tx
        .select({ id: meters.id })
        .from(meters)
        .where(and(eq(meters.contractId, row.contractId), eq(meters.active, true)));
      const registers = meter
        ? await tx
            .select({ name: meterRegisters.name })
            .from(meterRegisters)
            .where(eq(meterRegisters.meterId, meter.id))
        : [];
      // With the indexes of a single-register meter, the next run continues from them.
      const explanation: BillExplanation & { imported: { externalRef: string } } = {
        registers:
          row.previousIndex !== null && row.newIndex !== null && registers.length === 1
            ? [{ name: registers[0]!.name, previous: row.previousIndex, current: row.newIndex }]
            : [],
        tariffs: [],
        imported: { externalRef: row.externalRef },
      };
      const billNo = await nextItemNumber(tx, BILL_PREFIX, year);
      const days = daysBetween(row.periodStart, row.periodEnd);
      const [bill] = await tx
        .insert(bills)
        .values({
          billNo,
          contractId: row.contractId,
          meterId: meter?.id ?? null,
          periodStart: row.periodStart,
          periodEnd: row.periodEnd,
          days,
          issuedAt: now,
          dueDate: row.dueDate,
          source: "import",
          readingType: row.readingType,
          estimated: row.readingType === "estimated",
          previousIndex: row.previousIndex,
          newIndex: row.newIndex,
          consumption: row.consumption,
          unit: row.unit,
          currency: row.currency,
          totalBeforeTaxMinor: row.totalBeforeTaxMinor,
          taxMinor: row.taxMinor,
          totalMinor: row.totalMinor,
          explanation,
          paymentReference: newPaymentReference(),
          externalRef: row.externalRef,
        })
        .returning({ id: bills.id });
      await tx.insert(billLines).values({
        billId: bill!.id,
        position: 0,
        service: row.service,
        kind: "imported",
        code: "imported_summary",
        quantity: row.consumption,
        unit: row.unit,
        unitPrice: "0",
        amountMinor: row.totalBeforeTaxMinor,
        taxRate: rateOf(row.taxMinor, row.totalBeforeTaxMinor),
        taxMinor: row.taxMinor,
        totalMinor: row.totalMinor,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        days,
      });
      await writeAudit(tx, {
        actor,
        action: "bill.import",
        entityType: "bill",
        entityId: bill!.id,
        after: {
          billNo,
          externalRef: row.externalRef,
          periodStart: row.periodStart,
          periodEnd: row.periodEnd,
          totalMinor: row.totalMinor,
        },
        meta: options.meta,
      });
      imported.push({ billId: bill!.id, billNo, externalRef: row.externalRef });
    }
    return { ok: true, imported };
  });
}
