import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { labelKeyOf, rolesFor, sectionsFor } from "./navigation";

const EVERY_DEPARTMENT = ["metering", "billing", "connections", "mail_registry"];

describe("back-office navigation by role", () => {
  it("gives clerks their queues and filing, and their own department's work only", () => {
    expect(sectionsFor("clerk", ["metering"]).map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "meterExchange",
    ]);
    expect(sectionsFor("clerk", ["mail_registry"]).map((s) => s.section)).toContain("registry");
    expect(sectionsFor("clerk", ["connections"]).map((s) => s.section)).toContain("connections");
    expect(sectionsFor("clerk", ["billing"]).map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "bills",
      "billingRuns",
      "counter",
    ]);
  });
  it("gives a clerk of every department all of a clerk's sections, nothing of the supervisors' or admins'", () => {
    expect(sectionsFor("clerk", EVERY_DEPARTMENT).map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "registry",
      "meterExchange",
      "bills",
      "billingRuns",
      "counter",
      "connections",
    ]);
  });
  it("gives supervisors the escalation view, incidents and the audit log but not the outbox", () => {
    expect(sectionsFor("supervisor", EVERY_DEPARTMENT).map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "registry",
      "meterExchange",
      "bills",
      "billingRuns",
      "counter",
      "cashReport",
      "reconciliation",
      "escalations",
      "dashboard",
      "incidents",
      "audit",
      "connections",
    ]);
  });
  it("gives admins every section", () => {
    expect(sectionsFor("admin", []).map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "registry",
      "meterExchange",
      "bills",
      "billingRuns",
      "counter",
      "cashReport",
      "reconciliation",
      "escalations",
      "dashboard",
      "incidents",
      "audit",
      "outbox",
      "routing",
      "kinds",
      "calendar",
      "readingWindows",
      "tariffs",
      "partnerKeys",
      "connections",
      "connectionTypes",
      "connectionPrices",
    ]);
  });
  it("shows billing to every supervisor, the registers and connections only to theirs", () => {
    const sections = sectionsFor("supervisor", ["metering"]).map((s) => s.section);
    expect(sections).toContain("bills");
    expect(sections).not.toContain("registry");
    expect(sections).not.toContain("connections");
  });
  it("shows the meter exchange to the metering department's staff only", () => {
    expect(sectionsFor("supervisor", ["metering"]).map((s) => s.section)).toContain(
      "meterExchange",
    );
    expect(sectionsFor("supervisor", ["billing"]).map((s) => s.section)).not.toContain(
      "meterExchange",
    );
    expect(sectionsFor("clerk", ["billing"]).map((s) => s.section)).not.toContain("meterExchange");
  });
  it("keeps the connection types and price list to admins", () => {
    expect(rolesFor("connectionTypes")).toEqual(["admin"]);
    expect(rolesFor("connectionPrices")).toEqual(["admin"]);
    expect(labelKeyOf("connectionTypes")).toBe("connectionsAdmin.nav.connectionTypes");
  });
  it("opens the cash report and reconciliation to supervisors and admins, partner keys to admins", () => {
    expect(rolesFor("cashReport")).toEqual(["supervisor", "admin"]);
    expect(rolesFor("reconciliation")).toEqual(["supervisor", "admin"]);
    expect(rolesFor("partnerKeys")).toEqual(["admin"]);
    expect(labelKeyOf("counter")).toBe("paymentsAdmin.nav.counter");
  });
  it("opens the dashboard to supervisors and admins, never to clerks", () => {
    expect(rolesFor("dashboard")).toEqual(["supervisor", "admin"]);
    expect(labelKeyOf("dashboard")).toBe("reports.nav.dashboard");
  });
  it("opens the workflow configuration to admins only", () => {
    for (const section of ["routing", "kinds", "calendar", "readingWindows", "tariffs"] as const) {
      expect(rolesFor(section)).toEqual(["admin"]);
    }
    for (const role of ["clerk", "supervisor"] as const) {
      const sections = sectionsFor(role, EVERY_DEPARTMENT).map((s) => s.section);
      expect(sections).not.toContain("routing");
      expect(sections).not.toContain("kinds");
      expect(sections).not.toContain("calendar");
    }
  });
  it("keeps billing labels in the billing back office's catalogue, every label existing", () => {
    expect(labelKeyOf("tariffs")).toBe("billingAdmin.nav.tariffs");
    expect(labelKeyOf("queue")).toBe("backoffice.nav.queue");
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      for (const s of sectionsFor("admin", []))
        expect(t.has(s.labelKey as never), s.labelKey).toBe(true);
    }
  });
  it("never opens a section to customers", () => {
    expect(sectionsFor("customer", EVERY_DEPARTMENT)).toEqual([]);
    expect(rolesFor("outbox")).not.toContain("customer");
  });
});
