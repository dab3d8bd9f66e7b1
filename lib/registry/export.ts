import type { DbOrTx } from "@/db/client";
import { toCsv } from "@/lib/billing/csv";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Staff } from "@/lib/workflow/access";
import { departmentsOfEntries, searchRegister } from "./queries";
import type { RegisterFilters } from "./schemas";

/**
 * The register of a period for printing or export: every entry matching the filters exactly
 * once, in number order, with where it was distributed.
 */
export async function registerForPeriod(
  db: DbOrTx,
  staff: Staff,
  filters: RegisterFilters,
  timeZone: string,
) {
  const rows = await searchRegister(db, staff, filters, { timeZone, order: "number" });
  const departments = await departmentsOfEntries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, departments: departments.get(r.id) ?? [] }));
}

/** The register as CSV (spreadsheet-safe cells), headed in the clerk's language. */
export function registerCsv(
  rows: Awaited<ReturnType<typeof registerForPeriod>>,
  options: {
    locale: Locale;
    timeZone: string;
    direction: "incoming" | "outgoing";
    departmentName: (code: string) => string;
  },
): string {
  const { locale, timeZone, direction, departmentName: deptName } = options;
  const m = MESSAGES[locale].registry;
  const a = m.admin;
  const statuses = MESSAGES[locale].items.status;
  return toCsv([
    [
      a.number,
      a.registeredAt,
      a.channel,
      a.category,
      direction === "incoming" ? a.sender : a.addressee,
      m.admin.entry.nationalId,
      a.subject,
      a.status,
      a.departments,
    ],
    ...rows.map((r) => [
      r.registryNo,
      formatDateTime(r.registeredAt, locale, timeZone),
      m.channel[r.channel],
      m.category[r.category],
      r.partyName,
      r.partyNationalId,
      r.subject,
      r.status ? statuses[r.status] : "",
      r.departments.map((d) => `${deptName(d.code)}${d.lead ? "" : ` (${a.copy})`}`).join("; "),
    ]),
  ]);
}
