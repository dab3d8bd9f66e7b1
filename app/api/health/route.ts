// GET /api/health - liveness, with a round trip to the database
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiRoute, errorResponse, json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  try {
    await getDb().execute(sql`select 1`);
  } catch {
    return errorResponse(request, new AppError("UNAVAILABLE"));
  }
  return json({ status: "ok" as const });
});
