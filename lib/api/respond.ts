import { NextResponse } from "next/server";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};

/** The API's error shape, with the message in the caller's language (Accept-Language). */
export function errorResponse(request: Request, error: AppError): NextResponse<ApiErrorBody> {
  const t = translator(localeFromAcceptLanguage(request.headers.get("accept-language")));
  const fields = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([field, key]) => [
          field,
          t.has(`validation.${key}` as never)
            ? t(`validation.${key}` as never)
            : t("validation.invalid"),
        ]),
      )
    : undefined;
  return NextResponse.json(
    {
      error: {
        code: error.code,
        message: errorMessage(t, error.code),
        ...(fields ? { fields } : {}),
      },
    },
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
}

/**
 * The message of an error code. A code whose message has not reached the catalogues yet (they
 * are edited separately from the rules) falls back to the generic "some fields need correcting",
 * the right wording for every 4xx that carries `fields`.
 */
function errorMessage(t: ReturnType<typeof translator>, code: ErrorCode): string {
  const key = `errors.${code}` as const;
  return t.has(key as never) ? t(key as never) : t("errors.VALIDATION_FAILED");
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wrap a route handler: AppErrors become their status and localised body; anything else is
 * logged and answered 500 without internals.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) return errorResponse(request, error);
      console.error("[api]", request.method, new URL(request.url).pathname, error);
      return errorResponse(request, new AppError("INTERNAL"));
    }
  };
}

export function json<T>(body: T, init?: ResponseInit): NextResponse<T> {
  return NextResponse.json(body, {
    ...init,
    headers: { "cache-control": "no-store", ...init?.headers },
  });
}
