"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { meterExchangeSchema } from "@/lib/metering/exchange-schema";
import type { RegisterName } from "@/lib/metering/schemas";
import type { FormState } from "@/lib/actions/form-state";

/**
 * The swap of one contract's current meter: date, the old meter's final index per register,
 * the new meter's serial, dials and initial index per register. Checked in the browser with
 * the server's schema; the server checks it again against the meter's history.
 */
export function ExchangeForm({
  action,
  contractNo,
  oldMeterId,
  dials,
  registers,
  today,
}: {
  /** The server action (recordExchangeAction), passed in so the form renders in tests. */
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  contractNo: string;
  oldMeterId: string;
  dials: number;
  registers: RegisterName[];
  today: string;
}) {
  const t = useTranslations("meterExchange");
  const tr = useTranslations("contracts.register");
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    meterExchangeSchema,
    action,
    { contractNo, oldMeterId, newDials: String(dials), exchangedOn: today },
  );
  if (state.status === "ok")
    return <Alert tone="success">{t("recorded", { serial: state.values?.newSerial ?? "" })}</Alert>;
  const label = (base: string, register: RegisterName) =>
    registers.length > 1 ? `${t(base as never)} — ${tr(register)}` : t(base as never);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      data-testid="meter-exchange-form"
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* The values in the markup too: without JavaScript the form still posts them. */}
      <input type="hidden" defaultValue={contractNo} {...form.register("contractNo")} />
      <input type="hidden" defaultValue={oldMeterId} {...form.register("oldMeterId")} />
      {fieldError("oldMeterId") ? <Alert tone="error">{fieldError("oldMeterId")}</Alert> : null}
      <Field
        id="exchangedOn"
        type="date"
        max={today}
        defaultValue={today}
        label={t("exchangedOn")}
        hint={t("exchangedOnHint")}
        error={fieldError("exchangedOn")}
        {...form.register("exchangedOn")}
      />
      {registers.map((r) => (
        <Field
          key={`final_${r}`}
          id={`final_${r}`}
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          label={label("finalIndex", r)}
          error={fieldError(`final_${r}`)}
          {...form.register(`final_${r}`)}
        />
      ))}
      <Field
        id="newSerial"
        dir="ltr"
        autoComplete="off"
        label={t("newSerial")}
        error={fieldError("newSerial")}
        {...form.register("newSerial")}
      />
      <Field
        id="newDials"
        inputMode="numeric"
        dir="ltr"
        defaultValue={String(dials)}
        label={t("newDials")}
        error={fieldError("newDials")}
        {...form.register("newDials")}
      />
      {registers.map((r) => (
        <Field
          key={`initial_${r}`}
          id={`initial_${r}`}
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          label={label("initialIndex", r)}
          hint={t("digitsHint")}
          error={fieldError(`initial_${r}`)}
          {...form.register(`initial_${r}`)}
        />
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
