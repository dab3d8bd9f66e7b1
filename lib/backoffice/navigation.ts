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
  | "readingWindows";

const SECTIONS: { section: BackofficeSection; href: string; roles: Role[] }[] = [
  { section: "overview", href: "/backoffice", roles: ["clerk", "supervisor", "admin"] },
  { section: "queue", href: "/backoffice/queue", roles: ["clerk", "supervisor", "admin"] },
  { section: "newItem", href: "/backoffice/items/new", roles: ["clerk", "supervisor", "admin"] },
  { section: "escalations", href: "/backoffice/queue?escalated=1", roles: ["supervisor", "admin"] },
  { section: "incidents", href: "/backoffice/incidents", roles: ["supervisor", "admin"] },
  { section: "audit", href: "/backoffice/audit", roles: ["supervisor", "admin"] },
  { section: "outbox", href: "/backoffice/outbox", roles: ["admin"] },
  // The workflow configuration: how items are routed, which kinds exist and their deadlines,
  // and the calendar those deadlines count in.
  { section: "routing", href: "/backoffice/routing", roles: ["admin"] },
  { section: "kinds", href: "/backoffice/kinds", roles: ["admin"] },
  { section: "calendar", href: "/backoffice/calendar", roles: ["admin"] },
  { section: "readingWindows", href: "/backoffice/reading-windows", roles: ["admin"] },
];

/** The back-office sections a role may open, in menu order. Pages check the same list. */
export function sectionsFor(role: Role): { section: BackofficeSection; href: string }[] {
  return SECTIONS.filter((s) => s.roles.includes(role)).map(({ section, href }) => ({
    section,
    href,
  }));
}

export function rolesFor(section: BackofficeSection): Role[] {
  return SECTIONS.find((s) => s.section === section)!.roles;
}
