import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";

/** Every receipt check that fails looks the same: no hint of which part was wrong. */
export default async function ReceiptNotGenuine() {
  const t = await getTranslations("receipts.verify");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <Alert tone="error">
        <p className="text-base font-bold" data-testid="receipt-not-genuine">
          ✗ {t("notGenuine")}
        </p>
        <p>{t("notGenuineLead")}</p>
      </Alert>
    </div>
  );
}
