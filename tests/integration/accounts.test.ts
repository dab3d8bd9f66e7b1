import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, authThrottle, emailTokens, outbox, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import {
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyCredentials,
  verifyEmail,
} from "@/lib/auth/accounts";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schemas";
import { POLICIES } from "@/lib/auth/throttle-policy";
import { sha256 } from "@/lib/auth/tokens";
import { AppError, type ErrorCode } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  // Without SMTP the outbox keeps every message as "stored"; make that so whatever the shell has.
  vi.stubEnv("SMTP_URL", undefined);
  ({ db } = await createTestDatabase());
});

const meta: RequestMeta = { ip: "198.51.100.7", userAgent: "vitest" };
/** A distinct address per test that counts failures, so no throttle leaks between tests. */
const metaFrom = (ip: string): RequestMeta => ({ ip, userAgent: "vitest" });

const PASSWORD = "a long enough secret";

/** Sign-up input as the form would produce it: through the schema, so e-mails are normalised. */
function signUpInput(overrides: Partial<Record<keyof SignUpInput, string>>): SignUpInput {
  return signUpSchema.parse({
    name: "Hélène Lefèvre",
    email: "someone@example.ma",
    password: PASSWORD,
    confirmPassword: overrides.password ?? PASSWORD,
    locale: "fr",
    ...overrides,
  });
}

async function userByEmail(email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

async function messagesTo(email: string, template?: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), template ? eq(outbox.template, template) : undefined))
    .orderBy(desc(outbox.createdAt));
}

/** The token of the newest `path` link e-mailed to `email`. */
async function tokenFromOutbox(email: string, template: string, path: string): Promise<string> {
  const [message] = await messagesTo(email, template);
  const match = message?.bodyText.match(new RegExp(`/${path}\\?token=([^\\s]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the ${template} e-mail to ${email}`);
  return decodeURIComponent(match[1]);
}

/** The AppError code a call fails with (the test fails if it succeeds or throws anything else). */
async function errorCodeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError");
}

async function auditRows(action: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

async function countUsers(email: string): Promise<number> {
  const { rows } = await db.execute(
    sql`select count(*)::int as n from users where lower(email) = ${email.toLowerCase()}`,
  );
  return (rows[0] as { n: number }).n;
}

describe("signUp", () => {
  it("creates an unverified customer and stores a verification e-mail in the user's locale", async () => {
    await signUp(
      db,
      signUpInput({ email: "Helene.Lefevre@Example.MA", phone: "٠٦١٢٣٤٥٦٧٨" }),
      meta,
    );

    const user = await userByEmail("helene.lefevre@example.ma");
    expect(user).toMatchObject({
      email: "helene.lefevre@example.ma",
      name: "Hélène Lefèvre",
      phone: "0612345678",
      role: "customer",
      locale: "fr",
      emailVerifiedAt: null,
      disabledAt: null,
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);

    const messages = await messagesTo("helene.lefevre@example.ma");
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      template: "verifyEmail",
      locale: "fr",
      status: "stored",
      attempts: 0,
    });
    expect(message?.subject).toBe("Confirmez votre adresse e-mail");
    expect(message?.bodyText).toContain("Bonjour Hélène Lefèvre");
    expect(message?.bodyText).toMatch(/\/fr\/verify-email\?token=[A-Za-z0-9_-]{40,}/);

    // Only the hash of the token is kept.
    const token = await tokenFromOutbox("helene.lefevre@example.ma", "verifyEmail", "verify-email");
    const stored = await db.select().from(emailTokens).where(eq(emailTokens.userId, user!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: "verify_email", usedAt: null });
    expect(stored[0]?.tokenHash).toBe(sha256(token));
  });

  it("writes the verification e-mail in Arabic for an Arabic-speaking user", async () => {
    await signUp(
      db,
      signUpInput({ name: "سلمى بنكيران", email: "salma.b@example.ma", locale: "ar" }),
      meta,
    );
    const [message] = await messagesTo("salma.b@example.ma");
    expect(message).toMatchObject({ template: "verifyEmail", locale: "ar", status: "stored" });
    expect(message?.subject).toBe("أكّد بريدك الإلكتروني");
    expect(message?.bodyText).toContain("سلمى بنكيران");
    expect(message?.bodyText).toMatch(/\/ar\/verify-email\?token=/);
  });

  it("records the sign-up in the audit log, without the password", async () => {
    await signUp(
      db,
      signUpInput({ email: "audited.signup@example.ma" }),
      metaFrom("198.51.100.20"),
    );
    const user = await userByEmail("audited.signup@example.ma");
    const rows = await auditRows("account.sign_up", user!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: user!.id,
      actorRole: "customer",
      entityType: "user",
      ip: "198.51.100.20",
      userAgent: "vitest",
      after: { email: "audited.signup@example.ma", name: "Hélène Lefèvre", locale: "fr" },
    });
    expect(JSON.stringify(rows[0])).not.toContain(PASSWORD);
  });

  it("answers a second sign-up with the same e-mail in another case like the first, without a second user", async () => {
    await signUp(db, signUpInput({ email: "twice@example.ma", locale: "en" }), meta);
    const first = await userByEmail("twice@example.ma");

    await expect(
      signUp(
        db,
        signUpInput({
          email: "TWICE@Example.MA",
          name: "Someone Else",
          password: "another long secret",
        }),
        meta,
      ),
    ).resolves.toBeUndefined();

    expect(await countUsers("twice@example.ma")).toBe(1);
    const after = await userByEmail("twice@example.ma");
    // The existing account is left exactly as it was.
    expect(after).toMatchObject({
      id: first!.id,
      name: "Hélène Lefèvre",
      passwordHash: first!.passwordHash,
      locale: "en",
    });

    // The owner is told, in the account's own language, with a reset link.
    const notices = await messagesTo("twice@example.ma", "accountExists");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      locale: "en",
      status: "stored",
      subject: "You already have an account",
    });
    expect(notices[0]?.bodyText).toMatch(/\/en\/reset-password\?token=/);
    // Only one sign-up is in the audit log.
    expect(await auditRows("account.sign_up", first!.id)).toHaveLength(1);
  });

  it("normalises the e-mail itself when a caller skips the schema", async () => {
    const raw: Omit<SignUpInput, "email"> = {
      name: "Raw Caller",
      phone: undefined,
      password: PASSWORD,
      confirmPassword: PASSWORD,
      locale: "en",
    };
    await signUp(db, { ...raw, email: " Raw.Caller@Example.MA " }, meta);
    expect((await userByEmail("raw.caller@example.ma"))?.email).toBe("raw.caller@example.ma");

    // The existing account is found and told, whatever the case of the second attempt.
    await signUp(db, { ...raw, email: "RAW.CALLER@EXAMPLE.MA" }, meta);
    expect(await countUsers("raw.caller@example.ma")).toBe(1);
    expect(await messagesTo("raw.caller@example.ma", "accountExists")).toHaveLength(1);
  });

  it("tells a demo customer who signs up again, instead of failing", async () => {
    await expect(
      signUp(db, signUpInput({ email: "Customer@Wasla.Example" }), meta),
    ).resolves.toBeUndefined();
    expect(await countUsers("customer@wasla.example")).toBe(1);
    const notices = await messagesTo("customer@wasla.example", "accountExists");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.locale).toBe("ar");
  });
});

describe("verifyCredentials and verifyEmail", () => {
  it("says EMAIL_NOT_VERIFIED only to someone who knows the password", async () => {
    const ip = metaFrom("198.51.100.30");
    await signUp(db, signUpInput({ email: "unverified@example.ma" }), ip);

    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "unverified@example.ma", password: PASSWORD }, ip),
      ),
    ).toBe("EMAIL_NOT_VERIFIED");
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "unverified@example.ma", password: "not the password" }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("verifies the address with the e-mailed token, once", async () => {
    const ip = metaFrom("198.51.100.31");
    await signUp(db, signUpInput({ email: "verify.me@example.ma" }), ip);
    const token = await tokenFromOutbox("verify.me@example.ma", "verifyEmail", "verify-email");

    expect(await verifyEmail(db, token, ip)).toBe(true);
    const user = await userByEmail("verify.me@example.ma");
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);

    const signedIn = await verifyCredentials(
      db,
      { email: "Verify.Me@Example.ma", password: PASSWORD },
      ip,
    );
    expect(signedIn.id).toBe(user!.id);

    // The same link a second time does nothing.
    expect(await verifyEmail(db, token, ip)).toBe(false);
    const again = await userByEmail("verify.me@example.ma");
    expect(again?.emailVerifiedAt).toEqual(user?.emailVerifiedAt);

    const rows = await auditRows("account.verify_email", user!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: user!.id,
      entityType: "user",
      ip: "198.51.100.31",
    });
  });

  it("refuses an unknown or tampered verification token", async () => {
    expect(await verifyEmail(db, "not-a-real-token-at-all-0123456789", meta)).toBe(false);
    expect(await verifyEmail(db, "", meta)).toBe(false);
    expect(await verifyEmail(db, "1'; DROP TABLE users;--", meta)).toBe(false);
    expect(await countUsers("customer@wasla.example")).toBe(1);
  });

  it("does not accept a password-reset token as a verification token", async () => {
    const ip = metaFrom("198.51.100.32");
    await signUp(db, signUpInput({ email: "wrong.purpose@example.ma" }), ip);
    await requestPasswordReset(db, "wrong.purpose@example.ma", ip);
    const resetToken = await tokenFromOutbox(
      "wrong.purpose@example.ma",
      "resetPassword",
      "reset-password",
    );
    expect(await verifyEmail(db, resetToken, ip)).toBe(false);
    expect((await userByEmail("wrong.purpose@example.ma"))?.emailVerifiedAt).toBeNull();
  });

  it("signs in a verified demo customer, whatever the case of the e-mail", async () => {
    const user = await verifyCredentials(
      db,
      { email: "CUSTOMER@wasla.example", password: DEMO_PASSWORD },
      metaFrom("198.51.100.33"),
    );
    expect(user).toMatchObject({ email: "customer@wasla.example", role: "customer" });
  });

  it("answers a wrong password and an unknown e-mail with the same INVALID_CREDENTIALS", async () => {
    const ip = metaFrom("198.51.100.34");
    const wrongPassword = await errorCodeOf(
      verifyCredentials(db, { email: "youssef@wasla.example", password: "Wasla-demo-2025" }, ip),
    );
    const unknownEmail = await errorCodeOf(
      verifyCredentials(db, { email: "nobody.here@wasla.example", password: DEMO_PASSWORD }, ip),
    );
    expect(wrongPassword).toBe("INVALID_CREDENTIALS");
    expect(unknownEmail).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a SQL-injection e-mail with INVALID_CREDENTIALS and leaves the users table alone", async () => {
    const ip = metaFrom("198.51.100.35");
    const { rows: before } = await db.execute(sql`select count(*)::int as n from users`);
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "' OR '1'='1' --", password: "' OR '1'='1' --" }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "x'; DROP TABLE users;--", password: DEMO_PASSWORD }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");
    const { rows: after } = await db.execute(sql`select count(*)::int as n from users`);
    expect((after[0] as { n: number }).n).toBe((before[0] as { n: number }).n);
  });
});

describe("throttling", () => {
  it(`locks an account after ${POLICIES.account.maxFailures} wrong passwords, even against the right one`, async () => {
    const ip = metaFrom("198.51.100.40");
    for (let i = 0; i < POLICIES.account.maxFailures; i++) {
      expect(
        await errorCodeOf(
          verifyCredentials(
            db,
            { email: "khadija@wasla.example", password: `wrong guess ${i}` },
            ip,
          ),
        ),
      ).toBe("INVALID_CREDENTIALS");
    }
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "khadija@wasla.example", password: DEMO_PASSWORD }, ip),
      ),
    ).toBe("RATE_LIMITED");
    // From another address too, and typed in another case: the lock is on the account.
    expect(
      await errorCodeOf(
        verifyCredentials(
          db,
          { email: "Khadija@Wasla.Example", password: DEMO_PASSWORD },
          metaFrom("198.51.100.41"),
        ),
      ),
    ).toBe("RATE_LIMITED");

    const [row] = await db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, "account:khadija@wasla.example"));
    expect(row?.failures).toBe(POLICIES.account.maxFailures);
    expect(row?.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("lets a right password through after fewer failures than the limit, and clears the account's count", async () => {
    const ip = metaFrom("198.51.100.42");
    for (let i = 0; i < POLICIES.account.maxFailures - 1; i++) {
      await errorCodeOf(
        verifyCredentials(db, { email: "salma@wasla.example", password: `wrong ${i}` }, ip),
      );
    }
    const user = await verifyCredentials(
      db,
      { email: "salma@wasla.example", password: DEMO_PASSWORD },
      ip,
    );
    expect(user.email).toBe("salma@wasla.example");
    const rows = await db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, "account:salma@wasla.example"));
    expect(rows).toHaveLength(0);
    // One more wrong password does not lock: the count started again.
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "salma@wasla.example", password: "wrong again" }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      (await verifyCredentials(db, { email: "salma@wasla.example", password: DEMO_PASSWORD }, ip))
        .email,
    ).toBe("salma@wasla.example");
  });

  it(`locks an address after ${POLICIES.ip.maxFailures} failures spread over different e-mails`, async () => {
    const ip = metaFrom("198.51.100.50");
    for (let i = 0; i < POLICIES.ip.maxFailures - 1; i++) {
      expect(
        await errorCodeOf(
          verifyCredentials(db, { email: `guess${i}@example.ma`, password: "password123" }, ip),
        ),
      ).toBe("INVALID_CREDENTIALS");
    }
    // Still open one failure short of the limit; a success does not reset the address's count.
    expect(
      (await verifyCredentials(db, { email: "omar@wasla.example", password: DEMO_PASSWORD }, ip))
        .email,
    ).toBe("omar@wasla.example");
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "last.guess@example.ma", password: "x" }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");

    // Now locked for every e-mail, the right password included.
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "omar@wasla.example", password: DEMO_PASSWORD }, ip),
      ),
    ).toBe("RATE_LIMITED");
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "youssef@wasla.example", password: DEMO_PASSWORD }, ip),
      ),
    ).toBe("RATE_LIMITED");
    // A locked address cannot ask for reset links either.
    expect(await errorCodeOf(requestPasswordReset(db, "omar@wasla.example", ip))).toBe(
      "RATE_LIMITED",
    );

    // Another address is not affected, and none of the guessed accounts was locked.
    expect(
      (
        await verifyCredentials(
          db,
          { email: "omar@wasla.example", password: DEMO_PASSWORD },
          metaFrom("198.51.100.51"),
        )
      ).email,
    ).toBe("omar@wasla.example");
    const [row] = await db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, "ip:198.51.100.50"));
    expect(row?.failures).toBe(POLICIES.ip.maxFailures);
  });
});

describe("password reset", () => {
  it("queues nothing and throws nothing for an unknown e-mail", async () => {
    const { rows: before } = await db.execute(sql`select count(*)::int as n from outbox`);
    await expect(
      requestPasswordReset(db, "no.such.person@example.ma", metaFrom("198.51.100.60")),
    ).resolves.toBeUndefined();
    const { rows: after } = await db.execute(sql`select count(*)::int as n from outbox`);
    expect((after[0] as { n: number }).n).toBe((before[0] as { n: number }).n);
    expect(await messagesTo("no.such.person@example.ma")).toHaveLength(0);
  });

  it("e-mails a reset link in the account's language, whatever the case typed", async () => {
    await requestPasswordReset(db, "YOUSSEF@wasla.example", metaFrom("198.51.100.61"));
    const messages = await messagesTo("youssef@wasla.example", "resetPassword");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      locale: "fr",
      status: "stored",
      subject: "Choisissez un nouveau mot de passe",
    });
    expect(messages[0]?.bodyText).toMatch(/\/fr\/reset-password\?token=/);
  });

  it("sets the new password with the e-mailed token, ends old sessions, and refuses the token a second time", async () => {
    const ip = metaFrom("198.51.100.62");
    const before = await userByEmail("youssef@wasla.example");
    await requestPasswordReset(db, "youssef@wasla.example", ip);
    const token = await tokenFromOutbox("youssef@wasla.example", "resetPassword", "reset-password");

    await resetPassword(db, { token, password: "a brand new passphrase" }, ip);

    const after = await userByEmail("youssef@wasla.example");
    expect(after?.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(after?.passwordHash).not.toBe(before!.passwordHash);
    expect(
      (
        await verifyCredentials(
          db,
          { email: "youssef@wasla.example", password: "a brand new passphrase" },
          ip,
        )
      ).id,
    ).toBe(before!.id);
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "youssef@wasla.example", password: DEMO_PASSWORD }, ip),
      ),
    ).toBe("INVALID_CREDENTIALS");

    // The user is told the password changed.
    const [notice] = await messagesTo("youssef@wasla.example", "passwordChanged");
    expect(notice).toMatchObject({ locale: "fr", status: "stored" });

    // The token is spent: a second use changes nothing.
    expect(
      await errorCodeOf(resetPassword(db, { token, password: "an attacker's password" }, ip)),
    ).toBe("TOKEN_INVALID");
    const final = await userByEmail("youssef@wasla.example");
    expect(final?.sessionVersion).toBe(after!.sessionVersion);
    expect(final?.passwordHash).toBe(after!.passwordHash);

    const rows = await auditRows("account.reset_password", before!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: before!.id,
      actorRole: "customer",
      ip: "198.51.100.62",
    });
    expect(JSON.stringify(rows[0])).not.toContain("a brand new passphrase");
  });

  it("refuses an unknown token with TOKEN_INVALID and changes no password", async () => {
    const { rows: before } = await db.execute(
      sql`select sum(session_version)::int as n from users`,
    );
    expect(
      await errorCodeOf(
        resetPassword(
          db,
          { token: "made-up-token-0123456789abcdef", password: "whatever it is" },
          meta,
        ),
      ),
    ).toBe("TOKEN_INVALID");
    const { rows: after } = await db.execute(sql`select sum(session_version)::int as n from users`);
    expect((after[0] as { n: number }).n).toBe((before[0] as { n: number }).n);
  });

  it("does not accept a verification token as a reset token", async () => {
    const ip = metaFrom("198.51.100.63");
    await signUp(db, signUpInput({ email: "swap.purpose@example.ma" }), ip);
    const verifyToken = await tokenFromOutbox(
      "swap.purpose@example.ma",
      "verifyEmail",
      "verify-email",
    );
    expect(
      await errorCodeOf(
        resetPassword(db, { token: verifyToken, password: "hijacked password" }, ip),
      ),
    ).toBe("TOKEN_INVALID");
    // The verification token was not spent by the failed attempt.
    expect(await verifyEmail(db, verifyToken, ip)).toBe(true);
  });

  it("counts as e-mail verification and unlocks the account", async () => {
    const ip = metaFrom("198.51.100.64");
    await signUp(db, signUpInput({ email: "forgot.before.verify@example.ma" }), ip);
    for (let i = 0; i < POLICIES.account.maxFailures; i++) {
      await errorCodeOf(
        verifyCredentials(
          db,
          { email: "forgot.before.verify@example.ma", password: `nope ${i}` },
          ip,
        ),
      );
    }
    expect(
      await errorCodeOf(
        verifyCredentials(db, { email: "forgot.before.verify@example.ma", password: PASSWORD }, ip),
      ),
    ).toBe("RATE_LIMITED");

    await requestPasswordReset(db, "forgot.before.verify@example.ma", ip);
    const token = await tokenFromOutbox(
      "forgot.before.verify@example.ma",
      "resetPassword",
      "reset-password",
    );
    await resetPassword(db, { token, password: "the remembered one" }, ip);

    const user = await verifyCredentials(
      db,
      { email: "forgot.before.verify@example.ma", password: "the remembered one" },
      ip,
    );
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("lets the owner reset the password from the accountExists e-mail", async () => {
    const ip = metaFrom("198.51.100.65");
    await signUp(db, signUpInput({ email: "came.back@example.ma" }), ip);
    await signUp(db, signUpInput({ email: "Came.Back@example.ma" }), ip);
    const token = await tokenFromOutbox("came.back@example.ma", "accountExists", "reset-password");
    await resetPassword(db, { token, password: "finally remembered" }, ip);
    expect(
      (
        await verifyCredentials(
          db,
          { email: "came.back@example.ma", password: "finally remembered" },
          ip,
        )
      ).email,
    ).toBe("came.back@example.ma");
  });
});
