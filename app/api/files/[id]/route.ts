// GET /api/files/{id} - an uploaded file, to its owner or to staff
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getFileForUser } from "@/lib/files/get-file";
import { fileResponse } from "@/lib/files/serve-file";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const file = await getFileForUser(getDb(), { fileId: id, userId: user.id, staff: isStaff(user) });
  if (!file) throw new AppError("NOT_FOUND");
  return fileResponse(file);
});
