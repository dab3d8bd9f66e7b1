"use client";

import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/**
 * What the customer is told after a reading: the receipt number, the consumption, and plainly
 * whether it will count for the bill — and if not, why and when the next window opens.
 */
export function ReadingReceipt({
  values,
  notice,
  unit,
}: {
  values: Record<string, string>;
  notice?: string;
  unit: string;
}) {
  const t = useTranslations("readings");
  const locale = useLocale();
  // Latin codes inside an Arabic sentence: isolated, so the sentence keeps its order.
  const receiptNo = `\u2068${values.receiptNo ?? ""}\u2069`;
  const opens = values.nextWindowOpens
    ? new Intl.DateTimeFormat(locale === "ar" ? "ar-MA" : locale === "fr" ? "fr-MA" : "en-GB", {
        dateStyle: "long",
        timeZone: "UTC",
      }).format(new Date(`${values.nextWindowOpens}T12:00:00Z`))
    : null;
  const flags = values.flags ? values.flags.split(",") : [];
  const status = (notice ?? "accepted") as "accepted" | "review" | "outside_window";
  return (
    <div className="flex flex-col gap-3" data-testid="reading-receipt">
      <Alert tone={status === "accepted" ? "success" : status === "review" ? "warning" : "info"}>
        <p className="font-bold">{t("receiptTitle")}</p>
        <p>{t("receipt", { receiptNo })}</p>
        {values.consumption ? (
          <p>{t("consumption", { consumption: values.consumption, unit })}</p>
        ) : null}
        <p className="font-semibold">{t(status)}</p>
        {flags.length ? (
          <p>
            {t("reasons")}{" "}
            {flags
              .map((f) => (t.has(`flag.${f}` as never) ? t(`flag.${f}` as never) : f))
              .join("، ")}
          </p>
        ) : null}
        {opens ? <p>{t("nextWindow", { date: opens })}</p> : null}
      </Alert>
    </div>
  );
}
