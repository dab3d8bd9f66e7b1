"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessages } from "@/components/forms/use-error-messages";
import { MAX_IMAGE_BYTES } from "@/lib/files/limits";

const ACCEPT = "application/pdf,image/jpeg,image/png";

/**
 * One document of a request: chosen, sent at once to the upload endpoint (checked there by its
 * content), and remembered by the file id it answers. The size is checked here first so a
 * phone on a slow line does not send 11 MB to be refused.
 */
export function DocumentInput({
  code,
  label,
  required,
  error,
  fileName,
  onUploaded,
}: {
  code: string;
  label: string;
  required: boolean;
  error?: string;
  fileName?: string;
  onUploaded: (fileId: string, name: string) => void;
}) {
  const t = useTranslations("connections.form");
  const messages = useErrorMessages();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const id = `doc-${code}`;
  const shown = state.error ?? error;
  return (
    <div className="flex flex-col gap-1" data-testid={id}>
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}{" "}
        {required ? null : <span className="font-normal text-slate-500">({t("optional")})</span>}
      </label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        className="text-sm file:me-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:font-semibold file:text-brand-800"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          if (!file) return;
          if (file.size > MAX_IMAGE_BYTES) {
            setState({ busy: false, error: messages.field("documentTooLarge") });
            return;
          }
          setState({ busy: true });
          const body = new FormData();
          body.set("file", file);
          // Errors come back in the page's language, not the browser's.
          const res = await fetch("/api/v1/requests/documents", {
            method: "POST",
            body,
            headers: { "accept-language": document.documentElement.lang },
          });
          if (res.status === 201) {
            const { fileId } = (await res.json()) as { fileId: string };
            onUploaded(fileId, file.name);
            setState({ busy: false });
          } else {
            const key =
              res.status === 413
                ? "documentTooLarge"
                : res.status === 415
                  ? "documentType"
                  : "invalid";
            // A 400 names its reason (empty file, a path for a name) already in words.
            const answer = (await res.json().catch(() => null)) as {
              error?: { fields?: { file?: string } };
            } | null;
            setState({
              busy: false,
              error: (res.status === 400 && answer?.error?.fields?.file) || messages.field(key),
            });
          }
        }}
      />
      {state.busy ? <p className="text-sm text-slate-600">{t("uploading")}</p> : null}
      {!state.busy && fileName && !shown ? (
        <p className="text-sm font-medium text-green-800">{t("uploaded", { name: fileName })}</p>
      ) : null}
      {shown ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
          {shown}
        </p>
      ) : null}
    </div>
  );
}
