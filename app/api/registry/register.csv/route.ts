// GET /api/registry/register.csv?direction=&from=&to=&…&lang= - the register of a period as CSV, every entry once in number order, to registry staff (anyone else: 404)
import { getDb } from "@/db/client";
import { attachment } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { isRegistryStaff } from "@/lib/registry/access";
import { departmentDirectory } from "@/lib/registry/department-names";
import { registerCsv, registerForPeriod } from "@/lib/registry/export";
import { registerFiltersSchema } from "@/lib/registry/schemas";
import { getUtility } from "@/lib/utility/get-utility";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const db = getDb();
  if (!isStaff(user) || !(await isRegistryStaff(db, user))) throw new AppError("NOT_FOUND");
  const params = new URL(request.url).searchParams;
  const filters = registerFiltersSchema.parse(Object.fromEntries(params));
  const lang = params.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const { timeZone } = await getUtility(db);
  const [rows, directory] = await Promise.all([
    registerForPeriod(db, user, filters, timeZone),
    departmentDirectory(db, locale),
  ]);
  const csv = registerCsv(rows, {
    locale,
    timeZone,
    direction: filters.direction,
    departmentName: directory.name,
  });
  const name = `${filters.direction === "incoming" ? "arrivee" : "depart"}-${filters.from ?? "debut"}-${filters.to ?? "fin"}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(name),
      "cache-control": "private, no-store",
    },
  });
});
