import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  businessCalendars,
  calendarHolidays,
  calendarOverrides,
  departments,
  routingRules,
  slaPolicies,
  utilities,
} from "@/db/schema";
import type { BusinessCalendar } from "./business-time";
import type { Priority, RoutingRule } from "./routing";
import type { SlaPolicy } from "./sla";

export type WorkflowConfig = {
  calendar: BusinessCalendar;
  policies: { kindCode: string | null; priority: Priority; policy: SlaPolicy }[];
  rules: RoutingRule[];
  departmentIds: Map<string, string>;
  departmentCodes: Map<string, string>;
};

// Morocco's default week, used until an administrator saves the utility's own calendar.
const FALLBACK_CALENDAR: Omit<BusinessCalendar, "timeZone"> = {
  workingDays: [1, 2, 3, 4, 5],
  opensAt: "08:30",
  closesAt: "16:30",
  holidays: [],
  overrides: [],
};

/** The calendar, deadline policies and routing rules, read in the caller's transaction. */
export async function loadWorkflowConfig(db: DbOrTx): Promise<WorkflowConfig> {
  const [utility] = await db.select().from(utilities).limit(1);
  if (!utility) throw new Error("No utility configured");
  const [cal] = await db
    .select()
    .from(businessCalendars)
    .where(eq(businessCalendars.utilityId, utility.id));
  const [holidays, overrides, policies, rules, depts] = await Promise.all([
    cal ? db.select().from(calendarHolidays).where(eq(calendarHolidays.calendarId, cal.id)) : [],
    cal ? db.select().from(calendarOverrides).where(eq(calendarOverrides.calendarId, cal.id)) : [],
    db.select().from(slaPolicies),
    db.select().from(routingRules).orderBy(asc(routingRules.position)),
    db.select({ id: departments.id, code: departments.code }).from(departments),
  ]);
  const departmentCodes = new Map(depts.map((d) => [d.id, d.code]));
  const calendar: BusinessCalendar = cal
    ? {
        timeZone: cal.timeZone,
        workingDays: cal.workingDays,
        opensAt: cal.opensAt,
        closesAt: cal.closesAt,
        holidays: holidays.map((h) => h.day),
        overrides: overrides.map((o) => ({
          date: o.day,
          opensAt: o.opensAt,
          closesAt: o.closesAt,
        })),
      }
    : { ...FALLBACK_CALENDAR, timeZone: utility.timeZone };
  return {
    calendar,
    policies: policies.map((p) => ({
      kindCode: p.kindCode,
      priority: p.priority,
      policy: {
        firstResponseMinutes: p.firstResponseMinutes,
        resolutionMinutes: p.resolutionMinutes,
      },
    })),
    rules: rules.map((r) => ({
      id: r.id,
      position: r.position,
      active: r.active,
      kind: r.kindCode,
      service: r.service,
      zone: r.zone,
      channel: r.channel,
      keywords: r.keywords,
      departmentCode: departmentCodes.get(r.departmentId) ?? "",
      priority: r.priority,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      isDefault: r.isDefault,
    })),
    departmentIds: new Map(depts.map((d) => [d.code, d.id])),
    departmentCodes,
  };
}

// Used when an administrator has not set a policy for a priority at all.
const FALLBACK_POLICY: Record<Priority, SlaPolicy> = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  high: { firstResponseMinutes: 240, resolutionMinutes: 960 },
  normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
};

/** The policy for a kind and priority: the kind's own, else the default (kind null). */
export function policyFor(config: WorkflowConfig, kindCode: string, priority: Priority): SlaPolicy {
  return (
    config.policies.find((p) => p.kindCode === kindCode && p.priority === priority)?.policy ??
    config.policies.find((p) => p.kindCode === null && p.priority === priority)?.policy ??
    FALLBACK_POLICY[priority]
  );
}
