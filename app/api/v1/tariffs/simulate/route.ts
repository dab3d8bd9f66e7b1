// POST /api/v1/tariffs/simulate - price a consumption with a published tariff (anyone; the bill simulator)
import { getDb } from "@/db/client";
import { readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { presentSimulation, simulateBill, simulationSchema } from "@/lib/billing/simulate";
import { utilityToday } from "@/lib/billing/today";
import { parseOrThrow } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const input = parseOrThrow(simulationSchema, await readJson(request));
  const db = getDb();
  const utility = await getUtility(db);
  const simulation = await simulateBill(db, input, utilityToday(utility.timeZone));
  // Nothing is stored: a simulation answers 200, not 201.
  return json(
    presentSimulation(simulation, localeFromAcceptLanguage(request.headers.get("accept-language"))),
  );
});
