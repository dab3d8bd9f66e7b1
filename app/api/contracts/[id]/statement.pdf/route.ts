// GET /api/contracts/{id}/statement.pdf?from=&to=&lang= - the account statement as PDF (owner or staff)
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contracts, customers } from "@/db/schema";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { statementDocument } from "@/lib/billing/documents";
import { contractStatement } from "@/lib/billing/queries";
import { statementRange } from "@/lib/billing/statement-range";
import { utilityToday } from "@/lib/billing/today";
import { renderStatementPdf } from "@/lib/documents/statement-pdf";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const lang = search.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const db = getDb();
  const utility = await getUtility(db);
  const range = statementRange(
    { from: search.get("from") ?? undefined, to: search.get("to") ?? undefined },
    utilityToday(utility.timeZone),
  );
  if (!range.ok) throw new AppError("VALIDATION_FAILED", "statement range", { from: "invalid" });
  const statement = await contractStatement(db, {
    access: isStaff(user) ? "staff" : { userId: user.id },
    contractId: id,
    from: range.from,
    to: range.to,
    timeZone: utility.timeZone,
  });
  if (!statement) throw new AppError("NOT_FOUND");
  const [owner] = await db
    .select({
      name: customers.name,
      customerCode: customers.customerCode,
      service: contracts.service,
    })
    .from(contracts)
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(eq(contracts.id, statement.contractId));
  const doc = renderStatementPdf(statementDocument(statement, locale, utility, owner!));
  return pdfResponse(doc, `statement-${statement.contractNo}-${range.from}-${range.to}.pdf`);
});
