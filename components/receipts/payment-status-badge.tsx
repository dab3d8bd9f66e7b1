import { getTranslations } from "next-intl/server";
import type { ReceiptStatusKey } from "@/lib/payments/receipts";

const TONES: Record<ReceiptStatusKey, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-700",
  refunded: "bg-violet-100 text-violet-900",
  partlyRefunded: "bg-sky-100 text-sky-900",
};

export async function PaymentStatusBadge({ status }: { status: ReceiptStatusKey }) {
  const t = await getTranslations("receipts.status");
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
