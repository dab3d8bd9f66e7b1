"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Prints the page; the page's print styles leave out the back office's menu and header. */
export function PrintButton() {
  const t = useTranslations("paymentsAdmin");
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => window.print()}
      className="print:hidden"
    >
      {t("print")}
    </Button>
  );
}
