import { getTranslations } from "next-intl/server";

const TONES: Record<string, string> = {
  new: "bg-sky-100 text-sky-900",
  in_progress: "bg-amber-100 text-amber-900",
  waiting_customer: "bg-fuchsia-100 text-fuchsia-900",
  waiting_internal: "bg-amber-100 text-amber-900",
  resolved: "bg-emerald-100 text-emerald-900",
  closed: "bg-slate-200 text-slate-800",
};

export async function StatusBadge({ status }: { status: keyof typeof TONES & string }) {
  const t = await getTranslations("items.status");
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[status] ?? ""}`}
    >
      {t(status as never)}
    </span>
  );
}
