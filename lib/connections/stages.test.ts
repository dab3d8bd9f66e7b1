import { describe, expect, it } from "vitest";
import { checkTransition, nextStage, type TransitionInput } from "./stages";

const move = (t: Partial<TransitionInput> & Pick<TransitionInput, "from" | "to">) =>
  checkTransition({ family: "connection", by: "staff", ...t });

describe("checkTransition", () => {
  it("moves forward one stage at a time", () => {
    expect(move({ from: "submitted", to: "documents_checked" })).toEqual({
      ok: true,
      direction: "forward",
    });
    expect(move({ from: "visit_done", to: "quote_issued" }).ok).toBe(true);
  });

  it.each([
    ["submitted", "visit_scheduled"],
    ["documents_checked", "quote_issued"],
    ["works_done", "contract_activated"],
  ] as const)("refuses to skip from %s to %s", (from, to) => {
    expect(move({ from, to })).toEqual({ ok: false, rule: "skip" });
  });

  it("goes back only with a reason", () => {
    expect(move({ from: "visit_done", to: "visit_scheduled" })).toEqual({
      ok: false,
      rule: "backWithoutReason",
    });
    expect(move({ from: "visit_done", to: "visit_scheduled", reason: "  " }).ok).toBe(false);
    expect(
      move({ from: "visit_done", to: "visit_scheduled", reason: "Absent au rendez-vous" }),
    ).toEqual({ ok: true, direction: "back" });
  });

  it("never moves a paid request back before its payment", () => {
    expect(move({ from: "works_scheduled", to: "quote_issued", reason: "erreur" })).toEqual({
      ok: false,
      rule: "paidStaysPaid",
    });
  });

  it("marks a quote paid only on a settled payment", () => {
    expect(move({ from: "quote_issued", to: "quote_paid" })).toEqual({
      ok: false,
      rule: "onlyPaymentPays",
    });
    expect(move({ from: "quote_issued", to: "quote_paid", by: "payment" }).ok).toBe(true);
  });

  it("pauses as incomplete while checking documents, listing at least one", () => {
    expect(move({ from: "submitted", to: "incomplete" })).toEqual({
      ok: false,
      rule: "incompleteNeedsDocuments",
    });
    expect(move({ from: "submitted", to: "incomplete", missingDocuments: ["site_plan"] })).toEqual({
      ok: true,
      direction: "pause",
    });
    expect(move({ from: "visit_done", to: "incomplete", missingDocuments: ["site_plan"] })).toEqual(
      { ok: false, rule: "incompleteOnlyWhenChecking" },
    );
  });

  it("resumes from incomplete only when the customer completes the file", () => {
    expect(move({ from: "incomplete", to: "submitted" })).toEqual({
      ok: false,
      rule: "onlyCustomerCompletes",
    });
    expect(move({ from: "incomplete", to: "submitted", by: "customer" })).toEqual({
      ok: true,
      direction: "resume",
    });
    expect(move({ from: "incomplete", to: "documents_checked" })).toEqual({
      ok: false,
      rule: "mustComplete",
    });
  });

  it("rejects from any open stage with a reason, and nothing leaves a terminal stage", () => {
    expect(move({ from: "visit_done", to: "rejected" })).toEqual({
      ok: false,
      rule: "rejectNeedsReason",
    });
    expect(move({ from: "incomplete", to: "rejected", reason: "Hors zone" }).ok).toBe(true);
    expect(move({ from: "rejected", to: "submitted", reason: "x" })).toEqual({
      ok: false,
      rule: "terminal",
    });
    expect(move({ from: "contract_activated", to: "rejected", reason: "x" }).ok).toBe(false);
  });

  it("knows each family's own stages", () => {
    expect(
      checkTransition({
        family: "termination",
        from: "submitted",
        to: "visit_scheduled",
        by: "staff",
      }),
    ).toEqual({ ok: false, rule: "unknownStage" });
    expect(nextStage("termination", "final_bill")).toBe("deposit_settled");
    expect(nextStage("subscription", "documents_checked")).toBe("quote_issued");
    expect(nextStage("connection", "contract_activated")).toBeNull();
  });
});
