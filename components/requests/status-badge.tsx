import { getTranslations } from "next-intl/server";

const TONES: Record<string, string> = {
  new: "bg-sky-100 text-sky-900",
  in_progress: "bg-amber-100 text-amber-900",
  waiting_customer: "bg-fuchsia-100 text-fuchsia-900",
  waiting_internal: "bg-amber-100 text-amber-900",
  resolved: "bg-emerald-100 text-emerald-900",
  closed: "bg-slate-200 text-slate-800",
};

/**
 * `staff` words the status for the back office: "Waiting for your answer" is what the customer
 * reads, but a clerk is not the one who must answer.
 */
export async function StatusBadge({
  status,
  staff = false,
}: {
  status: keyof typeof TONES & string;
  staff?: boolean;
}) {
  const t = await getTranslations("items");
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[status] ?? ""}`}
    >
      {staff && status === "waiting_customer"
        ? t("staffStatus.waiting_customer")
        : t(`status.${status}` as never)}
    </span>
  );
}
