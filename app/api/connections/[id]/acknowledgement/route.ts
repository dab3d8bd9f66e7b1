// GET /api/connections/{id}/acknowledgement?lang=fr - the request's acknowledgement as PDF, for its customer or staff of its department
import { connectionPdfRoute } from "@/lib/connections/pdf-route";
import { renderAcknowledgement } from "@/lib/connections/pdfs";

export const dynamic = "force-dynamic";

export const GET = connectionPdfRoute("acknowledgement", renderAcknowledgement);
