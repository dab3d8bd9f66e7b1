import type { RequestDetail } from "./queries";

/** A request's status as the API gives it: amounts as 2-decimal strings, dates ISO 8601. */
export function presentRequestStatus(d: RequestDetail) {
  const quote = d.quotes.find((q) => q.status !== "cancelled");
  const amount = (minor: number) => (minor / 100).toFixed(2);
  return {
    id: d.request.id,
    number: d.item.number,
    type: d.request.typeCode,
    stage: d.request.stage,
    status: d.item.status,
    dueAt: d.item.resolutionDueAt?.toISOString() ?? null,
    visit: d.request.visitAt
      ? { date: d.request.visitAt.toISOString().slice(0, 10), slot: d.request.visitSlot }
      : null,
    quote: quote
      ? {
          number: quote.number,
          status: quote.status,
          total: amount(quote.totalMinor),
          currency: quote.currency,
          lines: quote.lines.map((l) => ({ kind: l.kind, amount: amount(l.amountMinor) })),
        }
      : null,
    contractNo: d.contract?.contractNo ?? null,
    rejectionReason: d.request.rejectionReason,
    documents: d.documents.map((doc) => ({
      code: doc.docCode,
      status: doc.status,
      name: doc.fileName,
    })),
    timeline: d.history.map((h) => ({
      at: h.at.toISOString(),
      stage: h.toStage,
      reason: h.reason,
    })),
  };
}
