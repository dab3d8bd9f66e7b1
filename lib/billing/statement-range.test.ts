import { describe, expect, it } from "vitest";
import { statementRange } from "./statement-range";

describe("statementRange", () => {
  it("defaults to the last 12 months", () => {
    expect(statementRange({}, "2026-11-15")).toEqual({
      ok: true,
      from: "2025-11-16",
      to: "2026-11-15",
    });
  });
  it("accepts Arabic-Indic digits", () => {
    expect(statementRange({ from: "٢٠٢٦-٠١-٠١", to: "٢٠٢٦-٠٦-٣٠" }, "2026-11-15")).toEqual({
      ok: true,
      from: "2026-01-01",
      to: "2026-06-30",
    });
  });
  it.each([
    ["a start after the end", { from: "2026-06-01", to: "2026-01-01" }],
    ["over five years", { from: "2010-01-01", to: "2026-01-01" }],
    ["a date that does not exist", { from: "2026-02-30" }],
    ["markup", { from: "<script>" }],
    ["an oversized end", { to: "x".repeat(5000) }],
  ])("refuses %s", (_, query) => {
    expect(statementRange(query, "2026-11-15").ok).toBe(false);
  });
});
