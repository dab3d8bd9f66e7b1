// POST /api/bench/insert - benchmark baseline: one INSERT, nothing else (404 unless WASLA_BENCH_ROUTES=1)
import { getDb } from "@/db/client";
import { readings } from "@/db/schema";
import { readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// A bench switch, not configuration: read once; only `npm run bench:readings` sets it.
const enabled = process.env.WASLA_BENCH_ROUTES === "1";

export const POST = apiRoute(async (request) => {
  if (!enabled) throw new AppError("NOT_FOUND");
  const { registerId } = (await readJson(request)) as { registerId: string };
  const [row] = await getDb()
    .insert(readings)
    .values({ registerId, index: 0, readAt: new Date(), source: "self", status: "accepted" })
    .returning({ id: readings.id });
  return json({ id: row!.id }, { status: 201 });
});
