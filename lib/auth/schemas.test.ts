import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/errors";
import {
  changePasswordSchema,
  forgotPasswordSchema,
  profileSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./schemas";

/** Every field's message key for `input`; fails the test if the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fieldErrorsFromZod(result.error);
}

/** The parsed value; fails the test with the field errors if the input is refused. */
function parsed<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new Error(
      `expected the input to pass, got ${JSON.stringify(fieldErrorsFromZod(result.error))}`,
    );
  }
  return result.data;
}

/** Remove one key from a form, as if the field had not been sent at all. */
function without<T extends object>(form: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...form };
  delete copy[key];
  return copy;
}

const TEN_THOUSAND = "a".repeat(10_000);
const SQL_INJECTION = "1'; DROP TABLE users;--";
const SCRIPT = "<script>alert(1)</script>";
const BOLD = "<b>x</b>";
const NUL = "\u0000";
const GOOD_PASSWORD = "correct horse battery";

describe("signUpSchema", () => {
  const form = {
    name: "Fatima-Zahra El Amrani",
    email: "fatima@example.ma",
    phone: "0612345678",
    password: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
    locale: "fr",
  };

  it("accepts a complete form and returns it normalised", () => {
    expect(
      parsed(signUpSchema, {
        ...form,
        name: "  Fatima-Zahra El Amrani ",
        email: "  Fatima@Example.MA ",
        phone: "٠٦ ١٢ ٣٤ ٥٦ ٧٨",
      }),
    ).toEqual({
      name: "Fatima-Zahra El Amrani",
      email: "fatima@example.ma",
      phone: "0612345678",
      password: GOOD_PASSWORD,
      confirmPassword: GOOD_PASSWORD,
      locale: "fr",
    });
  });

  it.each([
    ["an Arabic name", "فاطمة الزهراء العمراني"],
    ["a French name with accents", "Hélène Lefèvre"],
    ["a hyphenated name", "Jean-François Dupré"],
    ["a name with an apostrophe", "Maëlle D'Arcy"],
    ["a name with a typographic apostrophe", "Aït O’Brien"],
  ])("accepts %s", (_label, name) => {
    expect(parsed(signUpSchema, { ...form, name }).name).toBe(name);
  });

  it("lower-cases the e-mail", () => {
    expect(parsed(signUpSchema, { ...form, email: "CUSTOMER@Wasla.Example" }).email).toBe(
      "customer@wasla.example",
    );
  });

  it("normalises a phone typed in Arabic-Indic digits to ASCII", () => {
    expect(parsed(signUpSchema, { ...form, phone: "+٢١٢ ٦١٢ ٣٤٥ ٦٧٨" }).phone).toBe(
      "+212612345678",
    );
  });

  it.each([
    ["left out", without(form, "phone")],
    ["left empty", { ...form, phone: "" }],
    ["only spaces", { ...form, phone: "   " }],
  ])("treats a phone %s as no phone", (_label, input) => {
    expect(parsed(signUpSchema, input).phone).toBeUndefined();
  });

  it("drops fields the form does not have (no choosing one's own role)", () => {
    const data = parsed(signUpSchema, {
      ...form,
      role: "admin",
      emailVerifiedAt: "2026-01-01",
      sessionVersion: 0,
    });
    expect(data).not.toHaveProperty("role");
    expect(data).not.toHaveProperty("emailVerifiedAt");
    expect(data).not.toHaveProperty("sessionVersion");
  });

  it.each<[string, unknown, Record<string, string>]>([
    // name
    ["an empty name", { ...form, name: "" }, { name: "required" }],
    ["a whitespace-only name", { ...form, name: "    " }, { name: "required" }],
    ["a missing name", without(form, "name"), { name: "required" }],
    ["a number as name", { ...form, name: 42 }, { name: "required" }],
    ["a boolean as name", { ...form, name: true }, { name: "required" }],
    ["an array as name", { ...form, name: ["Ana"] }, { name: "required" }],
    ["an object as name", { ...form, name: { first: "Ana" } }, { name: "required" }],
    ["null as name", { ...form, name: null }, { name: "required" }],
    ["a 10,000-character name", { ...form, name: TEN_THOUSAND }, { name: "tooLong" }],
    ["SQL injection as name", { ...form, name: SQL_INJECTION }, { name: "nameInvalid" }],
    ["a script tag as name", { ...form, name: SCRIPT }, { name: "nameInvalid" }],
    ["bold markup as name", { ...form, name: BOLD }, { name: "nameInvalid" }],
    ["a NUL in the name", { ...form, name: `Ana${NUL}` }, { name: "invalid" }],
    // email
    ["an empty e-mail", { ...form, email: "" }, { email: "required" }],
    ["a whitespace-only e-mail", { ...form, email: "   " }, { email: "required" }],
    ["a missing e-mail", without(form, "email"), { email: "required" }],
    ["a number as e-mail", { ...form, email: 42 }, { email: "required" }],
    ["a boolean as e-mail", { ...form, email: false }, { email: "required" }],
    ["an array as e-mail", { ...form, email: ["a@b.co"] }, { email: "required" }],
    ["an object as e-mail", { ...form, email: { address: "a@b.co" } }, { email: "required" }],
    ["null as e-mail", { ...form, email: null }, { email: "required" }],
    [
      "a 10,000-character e-mail",
      { ...form, email: `${TEN_THOUSAND}@example.com` },
      { email: "tooLong" },
    ],
    ["SQL injection as e-mail", { ...form, email: SQL_INJECTION }, { email: "emailInvalid" }],
    [
      "a script tag in the e-mail",
      { ...form, email: `${SCRIPT}@example.com` },
      { email: "emailInvalid" },
    ],
    ["a NUL in the e-mail", { ...form, email: `ana${NUL}@example.com` }, { email: "emailInvalid" }],
    ["an e-mail without a domain", { ...form, email: "ana@" }, { email: "emailInvalid" }],
    // phone
    ["letters as phone", { ...form, phone: "call me" }, { phone: "phoneInvalid" }],
    ["a too-short phone", { ...form, phone: "12345" }, { phone: "phoneInvalid" }],
    ["SQL injection as phone", { ...form, phone: SQL_INJECTION }, { phone: "phoneInvalid" }],
    ["markup as phone", { ...form, phone: BOLD }, { phone: "phoneInvalid" }],
    ["a 10,000-digit phone", { ...form, phone: "1".repeat(10_000) }, { phone: "tooLong" }],
    ["a number as phone", { ...form, phone: 612345678 }, { phone: "invalid" }],
    ["null as phone", { ...form, phone: null }, { phone: "invalid" }],
    // password
    [
      "a too-short password",
      { ...form, password: "short", confirmPassword: "short" },
      { password: "passwordTooShort" },
    ],
    [
      "a 9-character password",
      { ...form, password: "123456789", confirmPassword: "123456789" },
      { password: "passwordTooShort" },
    ],
    [
      "an empty password",
      { ...form, password: "", confirmPassword: "" },
      { password: "passwordTooShort" },
    ],
    ["a missing password", without(form, "password"), { password: "required" }],
    [
      "a number as password",
      { ...form, password: 1234567890, confirmPassword: "1234567890" },
      { password: "required" },
    ],
    ["null as password", { ...form, password: null }, { password: "required" }],
    [
      "a 10,000-character password",
      { ...form, password: TEN_THOUSAND, confirmPassword: TEN_THOUSAND },
      { password: "tooLong", confirmPassword: "tooLong" },
    ],
    // confirmation
    [
      "a different confirmation",
      { ...form, confirmPassword: "correct horse battery!" },
      { confirmPassword: "passwordsDiffer" },
    ],
    [
      "a confirmation differing in case",
      { ...form, confirmPassword: GOOD_PASSWORD.toUpperCase() },
      { confirmPassword: "passwordsDiffer" },
    ],
    [
      "a confirmation with a trailing space",
      { ...form, confirmPassword: `${GOOD_PASSWORD} ` },
      { confirmPassword: "passwordsDiffer" },
    ],
    [
      "an empty confirmation",
      { ...form, confirmPassword: "" },
      { confirmPassword: "passwordsDiffer" },
    ],
    ["a missing confirmation", without(form, "confirmPassword"), { confirmPassword: "required" }],
    ["a number as confirmation", { ...form, confirmPassword: 1 }, { confirmPassword: "required" }],
    // locale
    ["an unknown locale", { ...form, locale: "de" }, { locale: "invalid" }],
    ["an upper-case locale", { ...form, locale: "AR" }, { locale: "invalid" }],
    ["an empty locale", { ...form, locale: "" }, { locale: "invalid" }],
    ["a missing locale", without(form, "locale"), { locale: "invalid" }],
    ["a number as locale", { ...form, locale: 1 }, { locale: "invalid" }],
    ["SQL injection as locale", { ...form, locale: SQL_INJECTION }, { locale: "invalid" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(signUpSchema, input)).toEqual(expected);
  });

  it("reports every wrong field of an empty form at once", () => {
    expect(
      errorsOf(signUpSchema, {
        name: "",
        email: "",
        phone: "",
        password: "",
        confirmPassword: "",
        locale: "ar",
      }),
    ).toEqual({
      name: "required",
      email: "required",
      password: "passwordTooShort",
    });
  });

  it("reports every missing field of an empty object", () => {
    expect(errorsOf(signUpSchema, {})).toEqual({
      name: "required",
      email: "required",
      password: "required",
      confirmPassword: "required",
      locale: "invalid",
    });
  });

  it("reports a differing confirmation alongside other field errors", () => {
    expect(
      errorsOf(signUpSchema, { ...form, name: BOLD, confirmPassword: "something else entirely" }),
    ).toEqual({
      name: "nameInvalid",
      confirmPassword: "passwordsDiffer",
    });
  });

  it.each([
    ["null", null],
    ["a string", "name=Ana"],
    ["a number", 7],
    ["an array", [form]],
  ])("refuses %s instead of a form as a whole with invalid", (_label, input) => {
    expect(errorsOf(signUpSchema, input)).toEqual({ _form: "invalid" });
  });
});

describe("signInSchema", () => {
  const form = { email: "customer@wasla.example", password: "Wasla-demo-2026" };

  it("lower-cases and trims the e-mail but keeps the password as typed", () => {
    expect(
      parsed(signInSchema, { email: "  Customer@WASLA.example ", password: " Wasla-demo-2026 " }),
    ).toEqual({
      email: "customer@wasla.example",
      password: " Wasla-demo-2026 ",
    });
  });

  it("accepts a short password (the length rule is for new passwords only)", () => {
    expect(parsed(signInSchema, { ...form, password: "x" }).password).toBe("x");
  });

  it("accepts SQL text as a password: it is only ever hashed, never put in a query", () => {
    expect(parsed(signInSchema, { ...form, password: SQL_INJECTION }).password).toBe(SQL_INJECTION);
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["an empty e-mail", { ...form, email: "" }, { email: "required" }],
    ["a whitespace-only e-mail", { ...form, email: "  " }, { email: "required" }],
    ["a missing e-mail", { password: form.password }, { email: "required" }],
    ["a number as e-mail", { ...form, email: 1 }, { email: "required" }],
    ["an array as e-mail", { ...form, email: [form.email] }, { email: "required" }],
    ["SQL injection as e-mail", { ...form, email: SQL_INJECTION }, { email: "emailInvalid" }],
    ["markup as e-mail", { ...form, email: `${BOLD}@example.com` }, { email: "emailInvalid" }],
    [
      "a 10,000-character e-mail",
      { ...form, email: `${TEN_THOUSAND}@example.com` },
      { email: "tooLong" },
    ],
    ["an empty password", { ...form, password: "" }, { password: "required" }],
    ["a missing password", { email: form.email }, { password: "required" }],
    ["a boolean as password", { ...form, password: true }, { password: "required" }],
    ["an object as password", { ...form, password: { $ne: "" } }, { password: "required" }],
    ["null as password", { ...form, password: null }, { password: "required" }],
    ["a 10,000-character password", { ...form, password: TEN_THOUSAND }, { password: "tooLong" }],
    ["an empty object", {}, { email: "required", password: "required" }],
    ["null", null, { _form: "invalid" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(signInSchema, input)).toEqual(expected);
  });
});

describe("forgotPasswordSchema", () => {
  it("lower-cases the e-mail", () => {
    expect(parsed(forgotPasswordSchema, { email: "Omar@Wasla.EXAMPLE", locale: "en" })).toEqual({
      email: "omar@wasla.example",
      locale: "en",
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["an empty e-mail", { email: "", locale: "ar" }, { email: "required" }],
    ["SQL injection as e-mail", { email: SQL_INJECTION, locale: "ar" }, { email: "emailInvalid" }],
    ["a script tag as e-mail", { email: SCRIPT, locale: "ar" }, { email: "emailInvalid" }],
    [
      "a 10,000-character e-mail",
      { email: `${TEN_THOUSAND}@x.ma`, locale: "ar" },
      { email: "tooLong" },
    ],
    ["a missing locale", { email: "a@b.ma" }, { locale: "invalid" }],
    ["an unknown locale", { email: "a@b.ma", locale: "es" }, { locale: "invalid" }],
    ["an empty object", {}, { email: "required", locale: "invalid" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(forgotPasswordSchema, input)).toEqual(expected);
  });
});

describe("resetPasswordSchema", () => {
  const token = "a".repeat(43);
  const form = { token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD };

  it("accepts a token with a matching new password", () => {
    expect(parsed(resetPasswordSchema, form)).toEqual(form);
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["a too-short token", { ...form, token: "x" }, { token: "invalid" }],
    ["an empty token", { ...form, token: "" }, { token: "invalid" }],
    [
      "a missing token",
      { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD },
      { token: "invalid" },
    ],
    ["a number as token", { ...form, token: 12345678901234567890 }, { token: "invalid" }],
    ["null as token", { ...form, token: null }, { token: "invalid" }],
    ["a 201-character token", { ...form, token: "a".repeat(201) }, { token: "invalid" }],
    ["a 10,000-character token", { ...form, token: TEN_THOUSAND }, { token: "invalid" }],
    [
      "a too-short password",
      { ...form, password: "short", confirmPassword: "short" },
      { password: "passwordTooShort" },
    ],
    [
      "an empty password",
      { ...form, password: "", confirmPassword: "" },
      { password: "passwordTooShort" },
    ],
    [
      "a 10,000-character password",
      { ...form, password: TEN_THOUSAND, confirmPassword: TEN_THOUSAND },
      { password: "tooLong", confirmPassword: "tooLong" },
    ],
    [
      "a different confirmation",
      { ...form, confirmPassword: "correct horse batteries" },
      { confirmPassword: "passwordsDiffer" },
    ],
    ["a missing confirmation", { token, password: GOOD_PASSWORD }, { confirmPassword: "required" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(resetPasswordSchema, input)).toEqual(expected);
  });
});

describe("profileSchema", () => {
  const form = { name: "Omar Tazi", phone: "0612345678", locale: "en" };

  it("accepts an Arabic name and normalises an Arabic-Indic phone", () => {
    expect(
      parsed(profileSchema, { name: " سلمى الإدريسي ", phone: "٠٦١٢٣٤٥٦٧٨", locale: "ar" }),
    ).toEqual({
      name: "سلمى الإدريسي",
      phone: "0612345678",
      locale: "ar",
    });
  });

  it("accepts a French name with accents, a hyphen and an apostrophe, and no phone", () => {
    expect(
      parsed(profileSchema, { name: "Anne-Sophie L'Héritier", phone: "", locale: "fr" }),
    ).toEqual({
      name: "Anne-Sophie L'Héritier",
      phone: undefined,
      locale: "fr",
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["an empty name", { ...form, name: "" }, { name: "required" }],
    ["a whitespace-only name", { ...form, name: " \t " }, { name: "required" }],
    ["a 10,000-character name", { ...form, name: TEN_THOUSAND }, { name: "tooLong" }],
    ["SQL injection as name", { ...form, name: SQL_INJECTION }, { name: "nameInvalid" }],
    ["a script tag as name", { ...form, name: SCRIPT }, { name: "nameInvalid" }],
    ["bold markup as name", { ...form, name: BOLD }, { name: "nameInvalid" }],
    ["a NUL in the name", { ...form, name: `Omar${NUL}Tazi` }, { name: "invalid" }],
    ["a number as name", { ...form, name: 3 }, { name: "required" }],
    ["a letters-only phone", { ...form, phone: "phone" }, { phone: "phoneInvalid" }],
    ["an array as phone", { ...form, phone: ["0612345678"] }, { phone: "invalid" }],
    ["an unknown locale", { ...form, locale: "xx" }, { locale: "invalid" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(profileSchema, input)).toEqual(expected);
  });
});

describe("changePasswordSchema", () => {
  const form = {
    currentPassword: "Wasla-demo-2026",
    password: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
  };

  it("accepts any current password with a valid new one", () => {
    expect(parsed(changePasswordSchema, { ...form, currentPassword: "x" })).toEqual({
      ...form,
      currentPassword: "x",
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      "an empty current password",
      { ...form, currentPassword: "" },
      { currentPassword: "required" },
    ],
    [
      "a missing current password",
      { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD },
      { currentPassword: "required" },
    ],
    [
      "a 10,000-character current password",
      { ...form, currentPassword: TEN_THOUSAND },
      { currentPassword: "tooLong" },
    ],
    [
      "a too-short new password",
      { ...form, password: "123456789", confirmPassword: "123456789" },
      { password: "passwordTooShort" },
    ],
    [
      "a different confirmation",
      { ...form, confirmPassword: "something different" },
      { confirmPassword: "passwordsDiffer" },
    ],
    ["a boolean as new password", { ...form, password: true }, { password: "required" }],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsOf(changePasswordSchema, input)).toEqual(expected);
  });
});
