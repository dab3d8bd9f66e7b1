"use client";

import { useErrorMessages } from "@/components/forms/use-error-messages";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form bound to one zod schema twice: react-hook-form checks it in the browser for instant
 * feedback, and the server action parses the same schema again. Without JavaScript the form
 * still posts to the action, which answers with the same error keys.
 */
export function useServerForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: Action,
  defaultValues?: DefaultValues<z.input<S>>,
) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generics cannot follow a generic schema; the schema is the same object.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onTouched",
  });
  const messages = useErrorMessages();

  const onSubmit = form.handleSubmit((_values, event) => {
    const target = event?.target;
    if (!(target instanceof HTMLFormElement)) return;
    const data = new FormData(target);
    startTransition(() => formAction(data));
  });

  /** The field's error in the reader's language: the browser's check first, then the server's. */
  const fieldError = (name: Path<z.input<S>>): string | undefined => {
    const key =
      (form.formState.errors[name]?.message as string | undefined) ??
      (state.status === "error" ? state.fields?.[name] : undefined);
    return messages.field(key);
  };

  const formError =
    state.status === "error" && state.formError ? messages.form(state.formError) : undefined;

  return { form, state, pending, onSubmit, formAction, fieldError, formError };
}
