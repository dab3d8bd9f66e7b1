import { notFound } from "next/navigation";
import type { User } from "@/db/schema";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { isRegistryStaff } from "./access";

/** Registry pages: staff of the mail registry office (or admins); other staff get a 404. */
export async function requireRegistryPage(locale: string): Promise<User> {
  const user = await requireStaffPage(locale);
  if (!(await isRegistryStaff(getDb(), user))) notFound();
  return user;
}
