import { and, eq, isNull } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { requestMetaFrom, type RequestMeta } from "./request-meta";
import { isUuid } from "@/lib/validation/ids";

export type Role = User["role"];
export const STAFF_ROLES: readonly Role[] = ["clerk", "supervisor", "admin"];

/**
 * The signed-in user, read from the database once per request. A session whose version no
 * longer matches (password reset, sign-out everywhere) or whose account is disabled is no
 * session at all.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  // No session cookie, no session: skip Auth.js, which otherwise builds its options and a CSRF
  // token (random bytes and a SHA-256 digest) on every call, even for a guest.
  if (!(await hasSessionCookie())) return null;
  const session = await auth();
  const id = session?.user?.id;
  if (!session || !isUuid(id)) return null;
  const [user] = await getDb()
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, session.sv), isNull(users.disabledAt)));
  return user ?? null;
});

// Auth.js's session cookie (lib/auth/auth.ts keeps its default names), split into ".0", ".1", …
// when large; "__Secure-" on HTTPS.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

async function hasSessionCookie(): Promise<boolean> {
  return (await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name));
}

/** The signed-in user, or UNAUTHENTICATED. */
export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** The signed-in user if they hold one of the roles; FORBIDDEN otherwise. */
export async function requireRole(...roles: Role[]): Promise<User> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN");
  return user;
}

export function isStaff(user: Pick<User, "role">): boolean {
  return STAFF_ROLES.includes(user.role);
}

/** Caller's address and browser, for throttling and the audit log. */
export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
