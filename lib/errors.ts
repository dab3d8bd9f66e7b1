import { z } from "zod";

/**
 * The one error type the application raises on purpose. `code` is stable (API clients and
 * tests match on it), `status` is the HTTP answer, and the customer sees the message found under
 * `errors.<code>` in their language. `detail` is for logs only and never leaves the server.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  CONTRACT_LINK_FAILED: 400,
  ITEM_NOT_HELD: 409,
  ITEM_CLOSED: 409,
  INVALID_TRANSITION: 409,
  ALREADY_RATED: 409,
  FOLLOW_UP_NOT_ALLOWED: 409,
  /** A self-reading broke a plausibility rule; the rule's key is in `fields`. */
  READING_REFUSED: 422,
  /** A payment named a cancelled bill (partner API, counter): its replacement is to be paid. */
  BILL_CANCELLED: 409,
  /** A payment in another currency than the bill's. */
  CURRENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Field name → message key under `validation.` (for forms and the API's `fields`). */
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, fields?: Record<string, string>) {
    super(detail ?? code);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Zod issues → field → message key. Schemas name their own keys ("required", "tooLong"…);
 * anything else (wrong type, unknown shape) becomes "invalid".
 */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    if (fields[field]) continue;
    fields[field] = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return fields;
}

/** Parse with a schema, turning failure into a VALIDATION_FAILED AppError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "invalid input", fieldErrorsFromZod(result.error));
  }
  return result.data;
}
