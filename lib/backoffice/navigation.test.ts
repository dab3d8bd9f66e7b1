import { describe, expect, it } from "vitest";
import { rolesFor, sectionsFor } from "./navigation";

describe("back-office navigation by role", () => {
  it("gives clerks the overview only", () => {
    expect(sectionsFor("clerk").map((s) => s.section)).toEqual(["overview"]);
  });
  it("gives supervisors the audit log but not the outbox", () => {
    expect(sectionsFor("supervisor").map((s) => s.section)).toEqual(["overview", "audit"]);
  });
  it("gives admins every section", () => {
    expect(sectionsFor("admin").map((s) => s.section)).toEqual(["overview", "audit", "outbox"]);
  });
  it("never opens a section to customers", () => {
    expect(sectionsFor("customer")).toEqual([]);
    expect(rolesFor("outbox")).not.toContain("customer");
  });
});
