import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/lib/errors";
import { contractIdSchema, linkContractSchema } from "./schemas";

function linkErrors(input: unknown): Record<string, string> {
  const result = linkContractSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fieldErrorsFromZod(result.error);
}

function linkParsed(input: unknown) {
  const result = linkContractSchema.safeParse(input);
  if (!result.success) {
    throw new Error(
      `expected the input to pass, got ${JSON.stringify(fieldErrorsFromZod(result.error))}`,
    );
  }
  return result.data;
}

const SQL_INJECTION = "1'; DROP TABLE users;--";
const form = { contractNo: "1000000106", proof: "ELE-2021-07777" };

describe("linkContractSchema", () => {
  it.each<[string, unknown, { contractNo: string; proof: string }]>([
    ["the number and serial as printed", form, { contractNo: "1000000106", proof: "ELE202107777" }],
    [
      "a serial typed in lower case with spaces",
      { contractNo: "1000000106", proof: "ele 2021 07777" },
      { contractNo: "1000000106", proof: "ELE202107777" },
    ],
    [
      "a contract number in Arabic-Indic digits",
      { contractNo: "١٠٠٠٠٠٠١٠٦", proof: "ELE-2021-07777" },
      { contractNo: "1000000106", proof: "ELE202107777" },
    ],
    [
      "a contract number in Eastern Arabic-Indic digits and a serial with Arabic-Indic digits",
      { contractNo: "۱۰۰۰۰۰۰۱۰۶", proof: "ele-٢٠٢١-٠٧٧٧٧" },
      { contractNo: "1000000106", proof: "ELE202107777" },
    ],
    [
      "a contract number with spaces and dashes",
      { contractNo: " 1000-000-106 ", proof: "ELE-2021-07777" },
      { contractNo: "1000000106", proof: "ELE202107777" },
    ],
    [
      "a customer code as proof",
      { contractNo: "1000000106", proof: "c100006" },
      { contractNo: "1000000106", proof: "C100006" },
    ],
  ])("accepts %s and returns the canonical codes", (_label, input, expected) => {
    expect(linkParsed(input)).toEqual(expected);
  });

  it("drops fields the form does not have", () => {
    expect(
      linkParsed({ ...form, userId: "00000000-0000-0000-0000-000000000000" }),
    ).not.toHaveProperty("userId");
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["an empty contract number", { ...form, contractNo: "" }, { contractNo: "required" }],
    [
      "a whitespace-only contract number",
      { ...form, contractNo: "   " },
      { contractNo: "required" },
    ],
    [
      "a contract number of dashes only",
      { ...form, contractNo: "---" },
      { contractNo: "required" },
    ],
    ["a missing contract number", { proof: form.proof }, { contractNo: "required" }],
    [
      "a number as contract number",
      { ...form, contractNo: 1000000106 },
      { contractNo: "required" },
    ],
    ["a boolean as contract number", { ...form, contractNo: true }, { contractNo: "required" }],
    [
      "an array as contract number",
      { ...form, contractNo: ["1000000106"] },
      { contractNo: "required" },
    ],
    [
      "an object as contract number",
      { ...form, contractNo: { no: "1000000106" } },
      { contractNo: "required" },
    ],
    ["null as contract number", { ...form, contractNo: null }, { contractNo: "required" }],
    [
      "a 10,000-character contract number",
      { ...form, contractNo: "1".repeat(10_000) },
      { contractNo: "tooLong" },
    ],
    [
      "SQL injection as contract number",
      { ...form, contractNo: SQL_INJECTION },
      { contractNo: "invalid" },
    ],
    [
      "an always-true condition as contract number",
      { ...form, contractNo: "1' OR '1'='1" },
      { contractNo: "invalid" },
    ],
    [
      "a script tag as contract number",
      { ...form, contractNo: "<script>alert(1)</script>" },
      { contractNo: "invalid" },
    ],
    [
      "bold markup as contract number",
      { ...form, contractNo: "<b>x</b>" },
      { contractNo: "invalid" },
    ],
    [
      "a NUL in the contract number",
      { ...form, contractNo: "1000000\u0000106" },
      { contractNo: "invalid" },
    ],
    ["a LIKE wildcard as contract number", { ...form, contractNo: "%" }, { contractNo: "invalid" }],
    ["an empty proof", { ...form, proof: "" }, { proof: "required" }],
    ["a whitespace-only proof", { ...form, proof: "\t \u00a0" }, { proof: "required" }],
    ["a missing proof", { contractNo: form.contractNo }, { proof: "required" }],
    ["a number as proof", { ...form, proof: 7777 }, { proof: "required" }],
    ["null as proof", { ...form, proof: null }, { proof: "required" }],
    ["a 10,000-character proof", { ...form, proof: "A".repeat(10_000) }, { proof: "tooLong" }],
    ["SQL injection as proof", { ...form, proof: SQL_INJECTION }, { proof: "invalid" }],
    [
      "a script tag as proof",
      { ...form, proof: "<script>alert(1)</script>" },
      { proof: "invalid" },
    ],
    ["bold markup as proof", { ...form, proof: "<b>x</b>" }, { proof: "invalid" }],
    ["a NUL in the proof", { ...form, proof: "ELE\u00002021" }, { proof: "invalid" }],
    ["an empty object", {}, { contractNo: "required", proof: "required" }],
    [
      "both fields empty",
      { contractNo: "", proof: "" },
      { contractNo: "required", proof: "required" },
    ],
    ["null instead of a form", null, { _form: "invalid" }],
    ["a string instead of a form", "1000000106", { _form: "invalid" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(linkErrors(input)).toEqual(expected);
  });
});

describe("contractIdSchema", () => {
  it("accepts a UUID", () => {
    expect(contractIdSchema.safeParse("0b8e6a4e-3f55-4c1e-9a57-2f3c1d6e8b90").success).toBe(true);
  });

  it.each<[string, unknown]>([
    ["an empty string", ""],
    ["a contract number", "1000000101"],
    ["SQL injection", SQL_INJECTION],
    ["36 dashes", "-".repeat(36)],
    ["a UUID with a trailing character", "0b8e6a4e-3f55-4c1e-9a57-2f3c1d6e8b90x"],
    ["a number", 42],
    ["null", null],
  ])("refuses %s", (_label, input) => {
    const result = contractIdSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsFromZod(result.error)).toEqual({ _form: "invalid" });
  });
});
