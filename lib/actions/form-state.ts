/**
 * What a form's server action answers. Keys, not sentences: the form translates them in the
 * reader's language (`errors.<formError>`, `validation.<field key>`, `<notice>` under the form's
 * own namespace).
 */
export type FormState =
  | { status: "idle" }
  | { status: "ok"; notice?: string; values?: Record<string, string> }
  | {
      status: "error";
      formError?: string;
      fields?: Record<string, string>;
      values?: Record<string, string>;
    };

export const IDLE: FormState = { status: "idle" };
