import type { User } from "@/db/schema";
import { requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { parseReportQuery } from "./filters";
import type { ReportScope } from "./scope";

/** Who may read the figures: supervisors (their departments) and admins. */
export const REPORT_ROLES = ["supervisor", "admin"] as const;

export function canReadReports(user: Pick<User, "role">): boolean {
  return (REPORT_ROLES as readonly string[]).includes(user.role);
}

/**
 * The signed-in supervisor or admin (a session, never a partner key: partners and the IVR
 * have no business with staff figures). No session is 401; any other role is 403.
 */
export async function requireReportsUser(): Promise<User> {
  const user = await requireUser();
  if (!canReadReports(user)) throw new AppError("FORBIDDEN");
  return user;
}

/** The scope and period of a request's query string, for a user allowed to read reports. */
export function reportRequest(user: User, search: URLSearchParams, timeZone: string, now: Date) {
  const raw = Object.fromEntries(search.entries());
  const { period, filters } = parseReportQuery(raw, timeZone, now);
  const scope: ReportScope = { staff: { id: user.id, role: user.role }, filters, timeZone };
  return { period, scope };
}
