import { AppError } from "@/lib/errors";
import { retryAfterSeconds } from "@/lib/workflow/tracking-access";
import { errorResponse } from "./respond";

/**
 * 429 in the API's error shape with `Retry-After` (seconds until the lock ends): AppError carries
 * no headers, so a route that knows when its lock ends answers with this instead of throwing.
 */
export function rateLimitedResponse(request: Request, retryAt: Date, now = new Date()): Response {
  const response = errorResponse(request, new AppError("RATE_LIMITED"));
  response.headers.set("retry-after", String(retryAfterSeconds(retryAt, now)));
  return response;
}
