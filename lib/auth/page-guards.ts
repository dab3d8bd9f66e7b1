import { forbidden, notFound, redirect } from "next/navigation";
import type { User } from "@/db/schema";
import { getCurrentUser, isStaff, type Role } from "./guards";

/**
 * Page-level checks. Next.js renders a page without re-running its layout on client
 * navigation, so every page calls one of these itself; the layouts' checks only shape the shell.
 */
export async function requireCustomerPage(locale: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  if (user.role !== "customer") redirect(`/${locale}/backoffice`);
  return user;
}

/** Staff only: a guest is sent to sign in, a customer gets 403 and the refusal page. */
export async function requireStaffPage(locale: string, roles?: Role[]): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?callbackUrl=/${locale}/backoffice`);
  if (!isStaff(user)) forbidden();
  // A clerk who guesses an admin URL learns nothing about it.
  if (roles && !roles.includes(user.role)) notFound();
  return user;
}
