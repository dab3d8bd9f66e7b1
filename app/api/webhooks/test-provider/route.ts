// POST /api/webhooks/test-provider - the built-in test provider's signed confirmations (no real money)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { testProviderAllowed } from "@/lib/payments/provider";
import { receiveTestConfirmation } from "@/lib/payments/test-provider";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  if (!testProviderAllowed()) throw new AppError("NOT_FOUND");
  if (Number(request.headers.get("content-length") ?? "0") > 4096)
    throw new AppError("PAYLOAD_TOO_LARGE");
  const body = await request.text();
  if (body.length > 4096) throw new AppError("PAYLOAD_TOO_LARGE");
  const outcome = await receiveTestConfirmation(
    getDb(),
    body,
    request.headers.get("x-wasla-signature"),
  );
  return json({ received: true, outcome });
});
