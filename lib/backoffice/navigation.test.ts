import { describe, expect, it } from "vitest";
import { rolesFor, sectionsFor } from "./navigation";

describe("back-office navigation by role", () => {
  it("gives clerks their queues and filing, nothing of the supervisors' or admins'", () => {
    expect(sectionsFor("clerk").map((s) => s.section)).toEqual(["overview", "queue", "newItem"]);
  });
  it("gives supervisors the escalation view, incidents and the audit log but not the outbox", () => {
    expect(sectionsFor("supervisor").map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "escalations",
      "incidents",
      "audit",
    ]);
  });
  it("gives admins every section", () => {
    expect(sectionsFor("admin").map((s) => s.section)).toEqual([
      "overview",
      "queue",
      "newItem",
      "escalations",
      "incidents",
      "audit",
      "outbox",
      "routing",
      "kinds",
      "calendar",
      "readingWindows",
    ]);
  });
  it("opens the workflow configuration to admins only", () => {
    for (const section of ["routing", "kinds", "calendar", "readingWindows"] as const) {
      expect(rolesFor(section)).toEqual(["admin"]);
    }
    for (const role of ["clerk", "supervisor"] as const) {
      const sections = sectionsFor(role).map((s) => s.section);
      expect(sections).not.toContain("routing");
      expect(sections).not.toContain("kinds");
      expect(sections).not.toContain("calendar");
    }
  });
  it("never opens a section to customers", () => {
    expect(sectionsFor("customer")).toEqual([]);
    expect(rolesFor("outbox")).not.toContain("customer");
  });
});
