"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { useErrorMessages } from "@/components/forms/use-error-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import {
  CALIBRES,
  OCCUPANCIES,
  POWERS,
  SERVICES,
  TERMINATION_REASONS,
  USES,
  checkAgainstType,
  connectionRequestSchema,
  type ConnectionRequestForm,
  type ConnectionRequestInput,
} from "@/lib/connections/schemas";
import { DocumentInput } from "./document-input";

export type FormType = {
  code: string;
  family: string;
  name: string;
  services: string[];
  needsContract: boolean;
  documents: { code: string; name: string; required: boolean }[];
};

type Form = ConnectionRequestForm;
const STEPS = [
  "stepApplicant",
  "stepPremises",
  "stepService",
  "stepDocuments",
  "stepReview",
] as const;
const STEP_FIELDS: FieldPath<Form>[][] = [
  ["applicant.name", "applicant.nationalId", "applicant.phone", "applicant.email"],
  [
    "premises.addressLine",
    "premises.city",
    "premises.latitude",
    "premises.longitude",
    "premises.use",
  ],
  ["service", "detail", "occupancy", "contractNo", "terminationReason"],
  [],
  [],
];
const selectClass =
  "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600";

/**
 * The guided form of a connection, subscription or termination request: one step at a time,
 * each checked with the shared zod schema before the next, documents sent as they are chosen,
 * a review, then the server files it (parsing the same schema again). A draft is kept on the
 * server on demand and when moving between steps.
 */
export function ConnectionForm({
  type,
  initial,
  idempotencyKey,
  submit,
  save,
}: {
  type: FormType;
  initial: Partial<Form> & { fileNames?: Record<string, string> };
  idempotencyKey: string;
  submit: (payload: unknown) => Promise<FormState>;
  save: (payload: unknown) => Promise<FormState>;
}) {
  const t = useTranslations("connections");
  const messages = useErrorMessages();
  const [step, setStep] = useState(0);
  const [server, setServer] = useState<FormState>({ status: "idle" });
  const [fileNames, setFileNames] = useState<Record<string, string>>(initial.fileNames ?? {});
  const [pending, startTransition] = useTransition();
  const form = useForm<Form, unknown, ConnectionRequestInput>({
    resolver: zodResolver(connectionRequestSchema),
    defaultValues: {
      typeCode: type.code,
      service: (type.services[0] as Form["service"]) ?? "water",
      documents: {},
      ...initial,
      applicant: { name: "", nationalId: "", phone: "", email: "", ...initial.applicant },
      premises: {
        addressLine: "",
        city: "",
        latitude: "",
        longitude: "",
        use: "domestic",
        ...initial.premises,
      },
      idempotencyKey,
    },
    mode: "onTouched",
  });
  const { register, setValue, formState, control } = form;
  const service = useWatch({ control, name: "service" });
  const documents = useWatch({ control, name: "documents" }) ?? {};

  const error = (name: string): string | undefined => {
    const parts = name.split(".");
    let node: unknown = formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    const key =
      (node as { message?: string } | undefined)?.message ??
      (server.status === "error" ? server.fields?.[name] : undefined);
    return messages.field(key);
  };
  const draft = () => {
    const { idempotencyKey: _key, ...data } = form.getValues();
    void _key;
    return { typeCode: type.code, data: { ...data, fileNames } };
  };

  const next = async () => {
    if (!(await form.trigger(STEP_FIELDS[step]))) return;
    if (step === 3) {
      const values = connectionRequestSchema.safeParse(form.getValues());
      const missing = values.success ? checkAgainstType(values.data, type) : {};
      const docErrors = Object.keys(missing).filter((k) => k.startsWith("documents."));
      if (docErrors.length) {
        setServer({
          status: "error",
          fields: Object.fromEntries(docErrors.map((k) => [k, missing[k]!])),
        });
        return;
      }
    }
    setServer({ status: "idle" });
    setStep((s) => s + 1);
    void save(draft());
  };

  const onSubmit = form.handleSubmit((values) => {
    const fields = checkAgainstType(values, type);
    if (Object.keys(fields).length) {
      setServer({ status: "error", formError: "VALIDATION_FAILED", fields });
      return;
    }
    startTransition(async () => {
      // On success the action redirects; an answer means the server refused something.
      const answer = await submit(form.getValues());
      setServer(answer);
    });
  });

  const detailOptions = service === "electricity" ? POWERS : service === "water" ? CALIBRES : [];
  const values = form.getValues();

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-5"
      data-testid="connection-form"
    >
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={type.name}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === step ? "step" : undefined}
            className={`rounded-full px-3 py-1 ${i === step ? "bg-brand-700 font-bold text-white" : i < step ? "bg-brand-50 text-brand-800" : "bg-slate-100 text-slate-600"}`}
          >
            <span className="ltr-nums">{i + 1}</span>. {t(`form.${s}`)}
          </li>
        ))}
      </ol>
      {server.status === "error" && server.formError ? (
        <Alert tone="error">{messages.form(server.formError)}</Alert>
      ) : null}
      {server.status === "ok" ? <Alert tone="success">{t("draftSaved")}</Alert> : null}

      {/* Identity numbers, phone, e-mail and coordinates are typed left to right in every
          language (a negative longitude read "8.5-" in an Arabic field). */}
      <fieldset hidden={step !== 0} className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">{t("form.stepApplicant")}</legend>
        <Field
          id="name"
          label={t("form.name")}
          autoComplete="name"
          error={error("applicant.name")}
          {...register("applicant.name")}
        />
        <Field
          id="nationalId"
          dir="ltr"
          label={t("form.nationalId")}
          error={error("applicant.nationalId")}
          {...register("applicant.nationalId")}
        />
        <Field
          id="phone"
          dir="ltr"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          label={t("form.phone")}
          error={error("applicant.phone")}
          {...register("applicant.phone")}
        />
        <Field
          id="email"
          dir="ltr"
          type="email"
          autoComplete="email"
          label={t("form.email")}
          error={error("applicant.email")}
          {...register("applicant.email")}
        />
      </fieldset>

      <fieldset hidden={step !== 1} className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">{t("form.stepPremises")}</legend>
        <Field
          id="addressLine"
          label={t("form.address")}
          autoComplete="street-address"
          error={error("premises.addressLine")}
          {...register("premises.addressLine")}
        />
        <Field
          id="city"
          label={t("form.city")}
          error={error("premises.city")}
          {...register("premises.city")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="latitude"
            dir="ltr"
            inputMode="decimal"
            label={t("form.latitude")}
            hint={t("form.gpsHint")}
            error={error("premises.latitude")}
            {...register("premises.latitude")}
          />
          <Field
            id="longitude"
            dir="ltr"
            inputMode="decimal"
            label={t("form.longitude")}
            error={error("premises.longitude")}
            {...register("premises.longitude")}
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() =>
            navigator.geolocation?.getCurrentPosition((p) => {
              setValue("premises.latitude", p.coords.latitude.toFixed(6));
              setValue("premises.longitude", p.coords.longitude.toFixed(6));
            })
          }
        >
          {t("form.locate")}
        </Button>
        <Field id="use" label={t("form.use")} error={error("premises.use")}>
          <select id="use" className={selectClass} {...register("premises.use")}>
            {USES.map((u) => (
              <option key={u} value={u}>
                {t(`use.${u}`)}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>

      <fieldset hidden={step !== 2} className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">{t("form.stepService")}</legend>
        <Field id="service" label={t("form.service")} error={error("service")}>
          <select id="service" className={selectClass} {...register("service")}>
            {SERVICES.filter((s) => type.services.includes(s)).map((s) => (
              <option key={s} value={s}>
                {t(`service.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {detailOptions.length ? (
          <Field
            id="detail"
            label={t(service === "electricity" ? "form.power" : "form.calibre")}
            error={error("detail")}
          >
            <select
              id="detail"
              className={selectClass}
              aria-invalid={error("detail") ? true : undefined}
              {...register("detail")}
            >
              <option value="">{t("form.choose")}</option>
              {detailOptions.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {type.family === "subscription" ? (
          <Field id="occupancy" label={t("form.occupancy")} error={error("occupancy")}>
            <select id="occupancy" className={selectClass} {...register("occupancy")}>
              {OCCUPANCIES.map((o) => (
                <option key={o} value={o}>
                  {t(`occupancy.${o}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {type.needsContract ? (
          <Field
            id="contractNo"
            dir="ltr"
            inputMode="numeric"
            label={t("form.contractNo")}
            error={error("contractNo")}
            {...register("contractNo")}
          />
        ) : null}
        {type.family === "termination" ? (
          <Field
            id="terminationReason"
            label={t("form.terminationReason")}
            error={error("terminationReason")}
          >
            <select
              id="terminationReason"
              className={selectClass}
              {...register("terminationReason")}
            >
              {TERMINATION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`terminationReason.${r}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </fieldset>

      <fieldset hidden={step !== 3} className="flex min-w-0 flex-col gap-4">
        <legend className="text-sm text-slate-600">{t("form.documentsHint")}</legend>
        {type.documents.map((d) => (
          <DocumentInput
            key={d.code}
            code={d.code}
            label={d.name}
            required={d.required}
            error={error(`documents.${d.code}`)}
            fileName={documents[d.code] ? fileNames[d.code] : undefined}
            onUploaded={(fileId, name) => {
              setValue(`documents.${d.code}`, fileId);
              setFileNames((n) => ({ ...n, [d.code]: name }));
            }}
          />
        ))}
      </fieldset>

      {step === 4 ? (
        <section className="flex flex-col gap-3" data-testid="review">
          <p>{t("form.reviewLead")}</p>
          <dl className="grid gap-x-4 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
            {(
              [
                [t("form.name"), values.applicant?.name],
                [t("form.nationalId"), values.applicant?.nationalId],
                [t("form.phone"), values.applicant?.phone],
                [t("form.email"), values.applicant?.email],
                [t("form.address"), `${values.premises?.addressLine}, ${values.premises?.city}`],
                [t("form.use"), values.premises?.use ? t(`use.${values.premises.use}`) : ""],
                [t("form.service"), values.service ? t(`service.${values.service}`) : ""],
                ...(values.detail
                  ? [[t(service === "electricity" ? "form.power" : "form.calibre"), values.detail]]
                  : []),
                ...(values.contractNo ? [[t("form.contractNo"), values.contractNo]] : []),
                ...type.documents.map((d) => [
                  d.name,
                  fileNames[d.code] && documents[d.code] ? fileNames[d.code] : "—",
                ]),
              ] as [string, string | undefined][]
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="font-medium break-words">
                  <bdi>{value}</bdi>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <div className="flex flex-wrap gap-3">
        {step > 0 ? (
          <Button type="button" variant="secondary" onClick={() => setStep((s) => s - 1)}>
            {t("form.back")}
          </Button>
        ) : null}
        {step < 4 ? (
          // Keys keep the two buttons distinct elements: reusing one would turn the clicked
          // "continue" into a submit button before the browser finished handling the click.
          <Button key="next" type="button" onClick={next}>
            {t("form.next")}
          </Button>
        ) : (
          <Button key="submit" type="submit" disabled={pending}>
            {pending ? t("form.submitting") : t("form.submit")}
          </Button>
        )}
        <Button
          type="button"
          variant="secondary"
          onClick={() => startTransition(async () => setServer(await save(draft())))}
        >
          {t("form.saveDraft")}
        </Button>
      </div>
    </form>
  );
}
