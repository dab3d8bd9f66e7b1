import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import {
  emailField,
  LIMITS,
  newPasswordField,
  passwordField,
  personNameField,
  phoneField,
} from "@/lib/validation/fields";

export const signInSchema = z.object({ email: emailField, password: passwordField });
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z
  .object({
    name: personNameField,
    email: emailField,
    phone: phoneField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "required" }).max(LIMITS.passwordMax, "tooLong"),
    locale: z.enum(LOCALES, { error: "invalid" }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const forgotPasswordSchema = z.object({
  email: emailField,
  locale: z.enum(LOCALES, { error: "invalid" }),
});

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "invalid" }).min(20, "invalid").max(200, "invalid"),
    password: newPasswordField,
    confirmPassword: z.string({ error: "required" }).max(LIMITS.passwordMax, "tooLong"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });

export const profileSchema = z.object({
  name: personNameField,
  phone: phoneField,
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: passwordField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "required" }).max(LIMITS.passwordMax, "tooLong"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });
