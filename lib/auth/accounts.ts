import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueEmail } from "@/lib/notify/outbox";
import type { RequestMeta } from "./request-meta";
import { hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { anyLocked, clearFailures, recordFailure, throttleKeys } from "./throttle";
import { consumeToken, issueToken } from "./tokens";

function link(locale: Locale, path: string, token: string): string {
  return `${env().APP_URL}/${locale}${path}?token=${encodeURIComponent(token)}`;
}

/** Pick a user by e-mail, whatever the case it was typed in. */
async function findByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/**
 * Create a customer account and e-mail a verification link, in one transaction. An e-mail that
 * already has an account gets a notice instead, and the caller sees the same answer either way,
 * so sign-up cannot be used to find out who has an account.
 */
export async function signUp(db: Db, input: SignUpInput, meta: RequestMeta): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  // The schema already trims and lower-cases; do it here too so that a caller that skips it
  // neither stores a mixed-case address nor misses the existing account below.
  const email = input.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        name: input.name,
        phone: input.phone ?? null,
        role: "customer",
        locale: input.locale,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      if (existing) {
        const token = await issueToken(tx, existing.id, "reset_password");
        await enqueueEmail(tx, {
          to: existing.email,
          locale: existing.locale,
          template: "accountExists",
          params: { name: existing.name, link: link(existing.locale, "/reset-password", token) },
        });
      }
      return;
    }
    const token = await issueToken(tx, created.id, "verify_email");
    await enqueueEmail(tx, {
      to: created.email,
      locale: created.locale,
      template: "verifyEmail",
      params: { name: created.name, link: link(created.locale, "/verify-email", token) },
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId: created.id, role: "customer" },
      action: "account.sign_up",
      entityType: "user",
      entityId: created.id,
      after: { email: created.email, name: created.name, locale: created.locale },
      meta,
    });
  });
}

/** Mark the e-mail of the token's account verified; false if the link is unknown or spent. */
export async function verifyEmail(db: Db, token: string, meta: RequestMeta): Promise<boolean> {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "verify_email");
    if (!userId) return false;
    await tx
      .update(users)
      .set({
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await writeAudit(tx, {
      actor: { kind: "user", userId, role: "customer" },
      action: "account.verify_email",
      entityType: "user",
      entityId: userId,
      meta,
    });
    return true;
  });
}

/** E-mail a reset link if the account exists; say nothing either way. */
export async function requestPasswordReset(
  db: Db,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  if (await anyLocked(db, [throttleKeys.ip(meta.ip)])) throw new AppError("RATE_LIMITED");
  const user = await findByEmail(db, email);
  if (!user || user.disabledAt) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset_password");
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "resetPassword",
      params: { name: user.name, link: link(user.locale, "/reset-password", token) },
    });
  });
}

/**
 * Set a new password from a reset link. Sessions signed in with the old password end (the
 * session version moves on), and the address is proven, so it counts as verified.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const userId = await consumeToken(tx, input.token, "reset_password");
    if (!userId) throw new AppError("TOKEN_INVALID");
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId))
      .returning();
    if (!user) throw new AppError("TOKEN_INVALID");
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "passwordChanged",
      params: { name: user.name },
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId, role: user.role },
      action: "account.reset_password",
      entityType: "user",
      entityId: userId,
      meta,
    });
    await clearFailures(tx, [throttleKeys.account(user.email)]);
  });
}

/**
 * Check an e-mail and password. Every failure is the same INVALID_CREDENTIALS, and a wrong
 * guess counts against the account and the address; either being locked answers RATE_LIMITED.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<User> {
  const keys = [throttleKeys.account(input.email), throttleKeys.ip(meta.ip)];
  if (await anyLocked(db, keys)) throw new AppError("RATE_LIMITED");
  const user = await findByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await recordFailure(db, keys);
    throw new AppError("INVALID_CREDENTIALS");
  }
  // Only the owner of the password learns that the address is not yet verified.
  if (!user.emailVerifiedAt) throw new AppError("EMAIL_NOT_VERIFIED");
  await clearFailures(db, [keys[0]!]);
  return user;
}

/** Change the password of a signed-in user who knows the current one. */
export async function changePassword(
  db: Db,
  user: User,
  input: { currentPassword: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const keys = [throttleKeys.account(user.email)];
  if (await anyLocked(db, keys)) throw new AppError("RATE_LIMITED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, keys);
    throw new AppError("VALIDATION_FAILED", "wrong current password", {
      currentPassword: "passwordWrong",
    });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), isNull(users.disabledAt)));
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "passwordChanged",
      params: { name: user.name },
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId: user.id, role: user.role },
      action: "account.change_password",
      entityType: "user",
      entityId: user.id,
      meta,
    });
  });
}

/** Save name, phone and language. */
export async function updateProfile(
  db: Db,
  user: User,
  input: { name: string; phone?: string; locale: Locale },
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        name: input.name,
        phone: input.phone ?? null,
        locale: input.locale,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, user.id))
      .returning({ name: users.name, phone: users.phone, locale: users.locale });
    await writeAudit(tx, {
      actor: { kind: "user", userId: user.id, role: user.role },
      action: "account.update_profile",
      entityType: "user",
      entityId: user.id,
      before: { name: user.name, phone: user.phone, locale: user.locale },
      after,
      meta,
    });
  });
}

/** Remember a language choice made with the switcher. */
export async function saveLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db
    .update(users)
    .set({ locale, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
