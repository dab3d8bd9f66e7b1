import { getTranslations } from "next-intl/server";
import type { BillPaymentStatus } from "@/lib/billing/status";

const TONES: Record<BillPaymentStatus, string> = {
  unpaid: "bg-amber-100 text-amber-900",
  partly_paid: "bg-sky-100 text-sky-900",
  paid: "bg-emerald-100 text-emerald-900",
  overdue: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-700 line-through",
};

export async function BillStatusBadge({ status }: { status: BillPaymentStatus }) {
  const t = await getTranslations("billing.status");
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
