"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PayFormState } from "@/lib/payments/actions";
import { usePaymentErrors } from "./use-payment-errors";

const IDLE: PayFormState = { status: "idle" };

/** The test provider's three answers, posted to its server action. */
export function TestProviderForm({
  action,
  paymentId,
}: {
  action: (prev: PayFormState, formData: FormData) => Promise<PayFormState>;
  paymentId: string;
}) {
  const t = useTranslations("payments.test");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = usePaymentErrors()(state);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="paymentId" value={paymentId} />
      {errors.length ? <Alert tone="error">{errors.join(" ")}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="outcome" value="paid" disabled={pending} data-testid="test-pay">
          {t("pay")}
        </Button>
        <Button
          type="submit"
          name="outcome"
          value="declined"
          variant="danger"
          disabled={pending}
          data-testid="test-decline"
        >
          {t("decline")}
        </Button>
        <Button
          type="submit"
          name="outcome"
          value="cancelled"
          variant="secondary"
          disabled={pending}
          data-testid="test-cancel"
        >
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
