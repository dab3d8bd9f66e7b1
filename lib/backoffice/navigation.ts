import type { Role } from "@/lib/auth/guards";

export type BackofficeSection =
  | "overview"
  | "queue"
  | "escalations"
  | "newItem"
  | "outbox"
  | "audit"
  | "routing"
  | "kinds"
  | "calendar"
  | "incidents"
  | "readingWindows"
  | "meterExchange"
  | "bills"
  | "billingRuns"
  | "tariffs"
  | "counter"
  | "cashReport"
  | "reconciliation"
  | "partnerKeys"
  | "registry"
  | "dashboard"
  | "connections"
  | "connectionTypes"
  | "connectionPrices";

type Section = {
  section: BackofficeSection;
  href: string;
  roles: Role[];
  /**
   * Work of one department: besides admins, only its staff see the entry (the pages check the
   * same and answer 404 to others) — and every supervisor too when `supervisors` is set, as
   * billing's pages allow (lib/billing/admin-access.ts).
   */
  department?: { code: string; supervisors?: boolean };
};

const BILLING_DEPARTMENT = { code: "billing", supervisors: true };

const SECTIONS: Section[] = [
  { section: "overview", href: "/backoffice", roles: ["clerk", "supervisor", "admin"] },
  { section: "queue", href: "/backoffice/queue", roles: ["clerk", "supervisor", "admin"] },
  { section: "newItem", href: "/backoffice/items/new", roles: ["clerk", "supervisor", "admin"] },
  // The mail registry's registers: the pages also require the mail registry department.
  {
    section: "registry",
    href: "/backoffice/registry",
    roles: ["clerk", "supervisor", "admin"],
    department: { code: "mail_registry" },
  },
  // Meter swaps: the metering department's clerks and supervisors (the page checks the same).
  {
    section: "meterExchange",
    href: "/backoffice/meter-exchange",
    roles: ["clerk", "supervisor", "admin"],
    department: { code: "metering" },
  },
  // Billing: the pages also require a clerk to be in the billing department (admin-access.ts).
  {
    section: "bills",
    href: "/backoffice/bills",
    roles: ["clerk", "supervisor", "admin"],
    department: BILLING_DEPARTMENT,
  },
  {
    section: "billingRuns",
    href: "/backoffice/billing-runs",
    roles: ["clerk", "supervisor", "admin"],
    department: BILLING_DEPARTMENT,
  },
  // Payments: the counter is for billing clerks (checked by the page), the reports for those
  // who answer for the money.
  {
    section: "counter",
    href: "/backoffice/payments",
    roles: ["clerk", "supervisor", "admin"],
    department: BILLING_DEPARTMENT,
  },
  { section: "cashReport", href: "/backoffice/cash-report", roles: ["supervisor", "admin"] },
  {
    section: "reconciliation",
    href: "/backoffice/reconciliation",
    roles: ["supervisor", "admin"],
  },
  { section: "escalations", href: "/backoffice/queue?escalated=1", roles: ["supervisor", "admin"] },
  // The figures of the departments a supervisor answers for (all of them for an admin).
  { section: "dashboard", href: "/backoffice/dashboard", roles: ["supervisor", "admin"] },
  { section: "incidents", href: "/backoffice/incidents", roles: ["supervisor", "admin"] },
  { section: "audit", href: "/backoffice/audit", roles: ["supervisor", "admin"] },
  { section: "outbox", href: "/backoffice/outbox", roles: ["admin"] },
  // The workflow configuration: how items are routed, which kinds exist and their deadlines,
  // and the calendar those deadlines count in.
  { section: "routing", href: "/backoffice/routing", roles: ["admin"] },
  { section: "kinds", href: "/backoffice/kinds", roles: ["admin"] },
  { section: "calendar", href: "/backoffice/calendar", roles: ["admin"] },
  { section: "readingWindows", href: "/backoffice/reading-windows", roles: ["admin"] },
  // Prices: a published tariff version reprices every bill after its date.
  { section: "tariffs", href: "/backoffice/tariffs", roles: ["admin"] },
  // Who may call the partner API (banks, agents, the IVR), with which scopes.
  { section: "partnerKeys", href: "/backoffice/partner-keys", roles: ["admin"] },
  // Connection, subscription and termination requests by stage (lib/connections).
  {
    section: "connections",
    href: "/backoffice/connections",
    roles: ["clerk", "supervisor", "admin"],
    department: { code: "connections" },
  },
  // What customers may file and what it costs: request types and the price list the quote
  // editor pre-fills from (lib/connections/admin).
  { section: "connectionTypes", href: "/backoffice/connection-types", roles: ["admin"] },
  { section: "connectionPrices", href: "/backoffice/connection-prices", roles: ["admin"] },
];

// Billing sections keep their labels in the billing back office's own catalogue.
const BILLING: readonly BackofficeSection[] = ["bills", "billingRuns", "tariffs"];
// And payment sections in the payments back office's.
const PAYMENTS: readonly BackofficeSection[] = [
  "counter",
  "cashReport",
  "reconciliation",
  "partnerKeys",
];

/** The catalogue key of a section's menu label. */
export function labelKeyOf(section: BackofficeSection): string {
  if (section === "dashboard") return "reports.nav.dashboard";
  if (BILLING.includes(section)) return `billingAdmin.nav.${section}`;
  if (PAYMENTS.includes(section)) return `paymentsAdmin.nav.${section}`;
  if (section === "connections") return "connections.nav";
  if (section === "connectionTypes" || section === "connectionPrices")
    return `connectionsAdmin.nav.${section}`;
  return `backoffice.nav.${section}`;
}

function inDepartment(s: Section, role: Role, departmentCodes: readonly string[]): boolean {
  if (!s.department || role === "admin") return true;
  if (role === "supervisor" && s.department.supervisors) return true;
  return departmentCodes.includes(s.department.code);
}

/**
 * The back-office sections a member of staff may open, in menu order: by role, and for a
 * department's own work by the codes of the departments they work in. Pages check the same.
 */
export function sectionsFor(
  role: Role,
  departmentCodes: readonly string[],
): { section: BackofficeSection; href: string; labelKey: string }[] {
  return SECTIONS.filter(
    (s) => s.roles.includes(role) && inDepartment(s, role, departmentCodes),
  ).map(({ section, href }) => ({ section, href, labelKey: labelKeyOf(section) }));
}

export function rolesFor(section: BackofficeSection): Role[] {
  return SECTIONS.find((s) => s.section === section)!.roles;
}
