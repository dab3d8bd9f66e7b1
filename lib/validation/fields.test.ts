import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/errors";
import {
  canonicalCode,
  emailField,
  LIMITS,
  newPasswordField,
  optionalText,
  passwordField,
  personNameField,
  phoneField,
  printedCodeField,
  requiredText,
} from "./fields";

/** Stands for "the field is absent from the submitted object". */
const MISSING = Symbol("missing");
type Input = unknown;

/** Parse one field as a form would send it: inside an object, under the key "f". */
function parseField(field: z.ZodType, value: Input) {
  return z.object({ f: field }).safeParse(value === MISSING ? {} : { f: value });
}

/** The message key the field yields for `value`, as the form and the API would show it. */
function errorKey(field: z.ZodType, value: Input): string | undefined {
  const result = parseField(field, value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return fieldErrorsFromZod(result.error).f;
}

/** The value the field produces for `value`, failing the test if it is refused. */
function parsedValue(field: z.ZodType, value: Input): unknown {
  const result = parseField(field, value);
  if (!result.success) {
    throw new Error(
      `expected ${JSON.stringify(value)} to pass, got ${JSON.stringify(fieldErrorsFromZod(result.error))}`,
    );
  }
  return (result.data as { f?: unknown }).f;
}

const TEN_THOUSAND = "a".repeat(10_000);
const SQL_INJECTION = "1'; DROP TABLE users;--";
const SCRIPT = "<script>alert(1)</script>";
const BOLD = "<b>x</b>";
const NUL = "\u0000";

describe("requiredText", () => {
  const field = requiredText(20);

  it.each<[string, string, Input]>([
    ["an empty string", "required", ""],
    ["whitespace only", "required", "   \t  "],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 42],
    ["a boolean", "required", true],
    ["an array", "required", ["a"]],
    ["an object", "required", { a: 1 }],
    ["21 characters (over the cap of 20)", "tooLong", "a".repeat(21)],
    ["a 10,000-character string", "tooLong", TEN_THOUSAND],
    ["a NUL character", "invalid", `ab${NUL}cd`],
    ["a lone NUL character", "invalid", NUL],
    ["a backspace control character", "invalid", "ab\u0008cd"],
    ["an escape control character", "invalid", "ab\u001bcd"],
    ["a DEL character", "invalid", "ab\u007fcd"],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(field, value)).toBe(key);
  });

  it("trims the text and measures the cap after trimming", () => {
    expect(parsedValue(field, "  hello  ")).toBe("hello");
    expect(parsedValue(field, `  ${"a".repeat(20)}  `)).toBe("a".repeat(20));
  });

  it("keeps markup and quotes as plain text (escaping is the renderer's job)", () => {
    expect(parsedValue(requiredText(100), SQL_INJECTION)).toBe(SQL_INJECTION);
    expect(parsedValue(requiredText(100), SCRIPT)).toBe(SCRIPT);
  });
});

describe("optionalText", () => {
  const field = optionalText(10);

  it.each<[string, Input]>([
    ["a missing field", MISSING],
    ["an empty string", ""],
    ["whitespace only", "    "],
  ])("turns %s into undefined", (_label, value) => {
    expect(parsedValue(field, value)).toBeUndefined();
  });

  it.each<[string, string, Input]>([
    ["a number", "invalid", 7],
    ["a boolean", "invalid", false],
    ["an array", "invalid", []],
    ["an object", "invalid", {}],
    ["null", "invalid", null],
    ["11 characters (over the cap of 10)", "tooLong", "a".repeat(11)],
    ["a 10,000-character string", "tooLong", TEN_THOUSAND],
    ["a NUL character", "invalid", `a${NUL}b`],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(field, value)).toBe(key);
  });

  it("trims what it keeps", () => {
    expect(parsedValue(field, "  note ")).toBe("note");
  });
});

describe("personNameField", () => {
  it.each<[string, string, Input]>([
    ["an empty string", "required", ""],
    ["whitespace only", "required", "     "],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 12345],
    ["a boolean", "required", false],
    ["an array", "required", ["Ana"]],
    ["an object", "required", { first: "Ana" }],
    ["a 10,000-character name", "tooLong", TEN_THOUSAND],
    [`a name one character over ${LIMITS.name}`, "tooLong", "a".repeat(LIMITS.name + 1)],
    ["SQL injection text", "nameInvalid", SQL_INJECTION],
    ["a script tag", "nameInvalid", SCRIPT],
    ["bold markup", "nameInvalid", BOLD],
    ["an ampersand entity", "nameInvalid", "Ana &amp; Omar"],
    ["digits", "nameInvalid", "Agent 007"],
    ["Arabic-Indic digits", "nameInvalid", "فاطمة ١٢"],
    ["an e-mail address", "nameInvalid", "ana@example.com"],
    ["a leading hyphen", "nameInvalid", "-Ana"],
    ["a leading apostrophe", "nameInvalid", "'Ana"],
    ["a line break inside", "nameInvalid", "Ana\nOmar"],
    ["a NUL character", "invalid", `Ana${NUL}Omar`],
    ["a lone NUL character", "invalid", NUL],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(personNameField, value)).toBe(key);
  });

  it.each<[string, string]>([
    ["an Arabic name", "فاطمة الزهراء العمراني"],
    ["an Arabic name with hamza and madda", "خديجة آيت لحسن"],
    ["an Arabic name with diacritics (marks)", "مُحَمَّد"],
    ["a French name with accents", "Hélène Lefèvre"],
    ["a hyphenated French name", "Jean-François Dupré"],
    ["a name with an ASCII apostrophe", "Maëlle D'Arcy"],
    ["a name with a typographic apostrophe", "O’Brien"],
    ["a name with initials and dots", "J. R. Tolkien"],
    ["a Moroccan name in Latin script", "Fatima-Zahra El Amrani"],
    ["a name with a cedilla and a diaeresis", "François Zoë"],
  ])("accepts %s", (_label, value) => {
    expect(parsedValue(personNameField, value)).toBe(value);
  });

  it(`accepts a name of exactly ${LIMITS.name} letters`, () => {
    expect(parsedValue(personNameField, "a".repeat(LIMITS.name))).toBe("a".repeat(LIMITS.name));
  });

  it("trims surrounding spaces", () => {
    expect(parsedValue(personNameField, "  Omar Tazi  ")).toBe("Omar Tazi");
  });
});

describe("emailField", () => {
  it.each<[string, string, Input]>([
    ["an empty string", "required", ""],
    ["whitespace only", "required", "   "],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 42],
    ["a boolean", "required", true],
    ["an array", "required", ["a@b.co"]],
    ["an object", "required", { email: "a@b.co" }],
    ["a 10,000-character address", "tooLong", `${TEN_THOUSAND}@example.com`],
    [
      `an address over ${LIMITS.email} characters`,
      "tooLong",
      `${"a".repeat(64)}@${"b".repeat(190)}.com`,
    ],
    ["SQL injection text", "emailInvalid", SQL_INJECTION],
    ["a script tag", "emailInvalid", `${SCRIPT}@example.com`],
    ["bold markup", "emailInvalid", `${BOLD}@example.com`],
    ["a NUL character", "emailInvalid", `ana${NUL}@example.com`],
    ["no at sign", "emailInvalid", "ana.example.com"],
    ["no domain dot", "emailInvalid", "ana@example"],
    ["two at signs", "emailInvalid", "ana@@example.com"],
    ["a space inside", "emailInvalid", "ana tazi@example.com"],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(emailField, value)).toBe(key);
  });

  it.each<[string, string]>([
    ["ana@example.com", "ana@example.com"],
    ["Ana@Example.COM", "ana@example.com"],
    ["CUSTOMER@WASLA.EXAMPLE", "customer@wasla.example"],
    ["  Omar.Tazi+bills@Example.ma  ", "omar.tazi+bills@example.ma"],
    // An apostrophe is legal in the local part; queries bind it as a parameter.
    ["O'Brien@Example.com", "o'brien@example.com"],
  ])("accepts %j and lower-cases it to %j", (value, expected) => {
    expect(parsedValue(emailField, value)).toBe(expected);
  });
});

describe("passwordField (sign-in)", () => {
  it.each<[string, string, Input]>([
    ["an empty string", "required", ""],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 1234567890],
    ["a boolean", "required", true],
    ["an array", "required", ["secret"]],
    ["an object", "required", { password: "secret" }],
    [
      `a password over ${LIMITS.passwordMax} characters`,
      "tooLong",
      "a".repeat(LIMITS.passwordMax + 1),
    ],
    ["a 10,000-character password", "tooLong", TEN_THOUSAND],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(passwordField, value)).toBe(key);
  });

  it("accepts a short password untouched (length rules apply only when choosing one)", () => {
    expect(parsedValue(passwordField, "abc")).toBe("abc");
  });

  it("does not trim a password: surrounding spaces are part of it", () => {
    expect(parsedValue(passwordField, "  Wasla-demo-2026 ")).toBe("  Wasla-demo-2026 ");
  });
});

describe("newPasswordField", () => {
  it.each<[string, string, Input]>([
    ["an empty string", "passwordTooShort", ""],
    ["one character", "passwordTooShort", "a"],
    [
      `${LIMITS.passwordMin - 1} characters`,
      "passwordTooShort",
      "a".repeat(LIMITS.passwordMin - 1),
    ],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 12345678901],
    ["a boolean", "required", false],
    ["an array", "required", ["a".repeat(12)]],
    ["an object", "required", { value: "a".repeat(12) }],
    [`${LIMITS.passwordMax + 1} characters`, "tooLong", "a".repeat(LIMITS.passwordMax + 1)],
    ["a 10,000-character password", "tooLong", TEN_THOUSAND],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(newPasswordField, value)).toBe(key);
  });

  it(`accepts exactly ${LIMITS.passwordMin} and exactly ${LIMITS.passwordMax} characters`, () => {
    expect(parsedValue(newPasswordField, "a".repeat(LIMITS.passwordMin))).toBe(
      "a".repeat(LIMITS.passwordMin),
    );
    expect(parsedValue(newPasswordField, "a".repeat(LIMITS.passwordMax))).toBe(
      "a".repeat(LIMITS.passwordMax),
    );
  });

  it("accepts a passphrase in Arabic", () => {
    expect(parsedValue(newPasswordField, "كلمة سر طويلة جدا")).toBe("كلمة سر طويلة جدا");
  });
});

describe("phoneField", () => {
  it.each<[string, Input]>([
    ["a missing field", MISSING],
    ["an empty string", ""],
    ["whitespace only", "    "],
  ])("turns %s into undefined (the phone is optional)", (_label, value) => {
    expect(parsedValue(phoneField, value)).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ["ASCII digits", "0612345678", "0612345678"],
    ["Arabic-Indic digits", "٠٦١٢٣٤٥٦٧٨", "0612345678"],
    ["Eastern Arabic-Indic digits", "۰۶۱۲۳۴۵۶۷۸", "0612345678"],
    ["Arabic-Indic digits with spaces", "٠٦ ١٢ ٣٤ ٥٦ ٧٨", "0612345678"],
    ["an international number with spaces, dashes and dots", "+212 6 12-34.56.78", "+212612345678"],
    ["an international number in Arabic-Indic digits", "+٢١٢٦١٢٣٤٥٦٧٨", "+212612345678"],
    ["six digits (the shortest)", "123456", "123456"],
    ["fifteen digits (the longest)", "123456789012345", "123456789012345"],
  ])("accepts %s and normalises them to ASCII", (_label, value, expected) => {
    expect(parsedValue(phoneField, value)).toBe(expected);
  });

  it.each<[string, string, Input]>([
    ["null", "invalid", null],
    ["a number", "invalid", 612345678],
    ["a boolean", "invalid", true],
    ["an array", "invalid", ["0612345678"]],
    ["an object", "invalid", { phone: "0612345678" }],
    ["a 10,000-character string", "tooLong", "1".repeat(10_000)],
    [`over ${LIMITS.phone} characters`, "tooLong", "1".repeat(LIMITS.phone + 1)],
    ["SQL injection text", "phoneInvalid", SQL_INJECTION],
    ["a script tag", "phoneInvalid", SCRIPT],
    ["bold markup", "phoneInvalid", BOLD],
    ["a NUL character inside the digits", "phoneInvalid", `0612${NUL}345678`],
    ["letters", "phoneInvalid", "06-CALL-ME"],
    ["five digits", "phoneInvalid", "12345"],
    ["sixteen digits", "phoneInvalid", "1234567890123456"],
    ["a plus sign in the middle", "phoneInvalid", "0612+345678"],
    ["two plus signs", "phoneInvalid", "++212612345678"],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(phoneField, value)).toBe(key);
  });
});

describe("printedCodeField", () => {
  it.each<[string, string, string]>([
    ["a contract number in ASCII digits", "1000000106", "1000000106"],
    ["a contract number in Arabic-Indic digits", "١٠٠٠٠٠٠١٠٦", "1000000106"],
    ["a contract number in Eastern Arabic-Indic digits", "۱۰۰۰۰۰۰۱۰۶", "1000000106"],
    ["a contract number typed with spaces", "1000 000 106", "1000000106"],
    ["a serial as printed", "ELE-2021-07777", "ELE202107777"],
    ["a serial typed in lower case with spaces", "ele 2021 07777", "ELE202107777"],
    ["a serial with underscores, slashes and dots", "ele_2021/07.777", "ELE202107777"],
    ["a serial with Arabic-Indic digits", "ELE-٢٠٢١-٠٧٧٧٧", "ELE202107777"],
    ["a serial with a no-break space", "ELE\u00a02021\u00a007777", "ELE202107777"],
    ["a customer code in lower case", "c100006", "C100006"],
  ])("accepts %s and returns its canonical form", (_label, value, expected) => {
    expect(parsedValue(printedCodeField, value)).toBe(expected);
  });

  it.each<[string, string, Input]>([
    ["an empty string", "required", ""],
    ["whitespace only", "required", "    "],
    ["separators only", "required", " - _ / . "],
    ["a missing field", "required", MISSING],
    ["null", "required", null],
    ["a number", "required", 1000000106],
    ["a boolean", "required", true],
    ["an array", "required", ["1000000106"]],
    ["an object", "required", { contractNo: "1000000106" }],
    ["a 10,000-character string", "tooLong", "1".repeat(10_000)],
    [`over ${LIMITS.code} characters`, "tooLong", "1".repeat(LIMITS.code + 1)],
    ["SQL injection text", "invalid", SQL_INJECTION],
    ["an always-true SQL condition", "invalid", "' OR '1'='1"],
    ["a script tag", "invalid", SCRIPT],
    ["bold markup", "invalid", BOLD],
    ["a NUL character", "invalid", `1000${NUL}000106`],
    ["a percent wildcard", "invalid", "1000%"],
    ["Arabic letters", "invalid", "عقد١٢٣"],
    ["accented letters", "invalid", "ÉLE2021"],
  ])("refuses %s with %s", (_label, key, value) => {
    expect(errorKey(printedCodeField, value)).toBe(key);
  });
});

describe("canonicalCode", () => {
  it("gives the same form to every way of typing one code", () => {
    const forms = [
      "ELE-2021-07777",
      "ele 2021 07777",
      "Ele_2021_07777",
      "ELE-٢٠٢١-٠٧٧٧٧",
      " ele.2021/07777 ",
    ];
    expect(new Set(forms.map(canonicalCode))).toEqual(new Set(["ELE202107777"]));
  });
});
