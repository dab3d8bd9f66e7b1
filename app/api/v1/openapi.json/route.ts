// GET /api/v1/openapi.json - the public API described (OpenAPI 3.1)
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(env().APP_URL), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
