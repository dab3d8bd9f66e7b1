// GET /api/connections/documents/{id} - a connection request's document, to its customer or to staff of the request's department
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { getRequestDocumentFile } from "@/lib/connections/documents";
import { AppError } from "@/lib/errors";
import { fileResponse } from "@/lib/files/serve-file";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const file = await getRequestDocumentFile(getDb(), { documentId: id, user });
  if (!file) throw new AppError("NOT_FOUND");
  return fileResponse(file);
});
