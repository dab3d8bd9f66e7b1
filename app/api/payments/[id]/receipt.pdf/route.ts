// GET /api/payments/{id}/receipt.pdf?lang=ar|fr|en - a payment's receipt as PDF, to the payer, an account linked to its contract, or staff (anyone else: 404)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { renderReceiptPdf } from "@/lib/documents/receipt-pdf";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { getReceipt, receiptDocument } from "@/lib/payments/receipts";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get("lang");
  const db = getDb();
  const receipt = await getReceipt(db, {
    paymentId: id,
    access: isStaff(user) ? "staff" : { userId: user.id },
  });
  if (!receipt) throw new AppError("NOT_FOUND");
  // The payer's language unless another is asked for: a receipt is read by whoever paid.
  const fallback = isLocale(receipt.payment.locale) ? receipt.payment.locale : user.locale;
  const locale = lang && isLocale(lang) ? lang : fallback;
  const utility = await getUtility(db);
  const doc = renderReceiptPdf(receiptDocument(receipt, locale, utility));
  return pdfResponse(doc, `${receipt.payment.receiptNo}-${locale}.pdf`);
});
