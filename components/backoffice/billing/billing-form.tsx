"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { AdminForm } from "@/components/backoffice/admin-form";

/**
 * A billing back-office form: AdminForm with the billing catalogue's messages, and errors that
 * name their place in a tariff definition ("Block 3: blocks overlap").
 */
export function BillingForm(
  props: Omit<ComponentProps<typeof AdminForm>, "wording" | "labels" | "compact">,
) {
  const tb = useTranslations("billingAdmin.errors");
  const tf = useTranslations("billingAdmin.fields");
  // "blocks.2.from" → "Block 3"; "vat.consumption" → "VAT"; unknown paths → "Definition".
  const label = (path: string): string | null => {
    if (path === "_form") return null;
    const [head, index] = path.split(".");
    const n = Number(index) + 1;
    if (head === "blocks" && n) return tf("block", { n });
    if (head === "surcharges" && n) return tf("surcharge", { n });
    if (head === "fixedCharges" && n) return tf("fixedCharge", { n });
    if (head === "statutoryTaxes" && n) return tf("statutoryTax", { n });
    if (head && tf.has(head as never)) return tf(head as never);
    return tf("definition");
  };
  return (
    <AdminForm
      {...props}
      wording={{
        message: (key) => (tb.has(key as never) ? tb(key as never) : tb("invalid")),
        label,
        format: (field, message) => tf("fieldError", { field, message }),
      }}
    />
  );
}
