"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorMessages } from "@/components/forms/use-error-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/actions/form-state";
import { DocumentInput } from "./document-input";

/** The documents the clerk asked for, sent together: the file goes back to the check. */
export function CompleteDocumentsForm({
  requestId,
  documents,
  complete,
}: {
  requestId: string;
  documents: { code: string; name: string }[];
  complete: (requestId: string, documents: Record<string, string>) => Promise<FormState>;
}) {
  const t = useTranslations("connections");
  const messages = useErrorMessages();
  const [given, setGiven] = useState<Record<string, { id: string; name: string }>>({});
  const [state, setState] = useState<FormState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const fieldError = (code: string) =>
    state.status === "error" ? messages.field(state.fields?.[`documents.${code}`]) : undefined;
  return (
    <form
      className="flex flex-col gap-4"
      data-testid="complete-documents"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () =>
          setState(
            await complete(
              requestId,
              Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.id])),
            ),
          ),
        );
      }}
    >
      {state.status === "error" && state.formError ? (
        <Alert tone="error">{messages.form(state.formError)}</Alert>
      ) : null}
      {documents.map((d) => (
        <DocumentInput
          key={d.code}
          code={d.code}
          label={d.name}
          required
          error={fieldError(d.code)}
          fileName={given[d.code]?.name}
          onUploaded={(id, name) => setGiven((g) => ({ ...g, [d.code]: { id, name } }))}
        />
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {t("sendDocuments")}
      </Button>
    </form>
  );
}
