// GET /api/connections/{id}/quote?lang=fr - the request's quote as PDF, for its customer or staff of its department
import { connectionPdfRoute } from "@/lib/connections/pdf-route";
import { renderQuote } from "@/lib/connections/pdfs";

export const dynamic = "force-dynamic";

export const GET = connectionPdfRoute("quote", renderQuote);
