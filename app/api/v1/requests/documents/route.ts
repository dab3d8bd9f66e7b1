// POST /api/v1/requests/documents - upload one document for a request (PDF, JPEG or PNG up to 10 MB, checked by content)
import { getDb } from "@/db/client";
import { readFilePart } from "@/lib/api/multipart";
import { apiRoute, json } from "@/lib/api/respond";
import { requireRole } from "@/lib/auth/guards";
import { uploadConnectionDocument } from "@/lib/connections/documents";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const user = await requireRole("customer");
  const file = await readFilePart(request);
  const uploaded = await uploadConnectionDocument(getDb(), {
    userId: user.id,
    bytes: new Uint8Array(await file.arrayBuffer()),
    name: file.name,
  });
  return json(uploaded, { status: 201 });
});
