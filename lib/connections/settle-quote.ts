import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { connectionQuotes } from "@/db/schema";
import { lockRequest, moveStage } from "./transition";

/**
 * A payment naming a quote was confirmed (called by the ledger in its transaction). The quote
 * is paid when the money covers it; the request then moves to "quote paid" by the payment
 * itself, the only mover the stage rules accept for that stage. A short payment leaves the
 * quote issued; the money stays on the payment as a credit.
 */
export async function settleQuote(
  tx: Tx,
  params: { quoteId: string; paymentId: string; amountMinor: number; at: Date },
): Promise<void> {
  const [quote] = await tx
    .select()
    .from(connectionQuotes)
    .where(and(eq(connectionQuotes.id, params.quoteId), eq(connectionQuotes.status, "issued")))
    .for("update");
  if (!quote || params.amountMinor < quote.totalMinor) return;
  await tx
    .update(connectionQuotes)
    .set({ status: "paid", paymentId: params.paymentId, paidAt: params.at })
    .where(eq(connectionQuotes.id, quote.id));
  const locked = await lockRequest(tx, quote.requestId, { kind: "payment" });
  if (locked.request.stage !== "quote_issued") return;
  await moveStage(tx, locked, { to: "quote_paid", by: { kind: "payment" }, now: params.at });
}
