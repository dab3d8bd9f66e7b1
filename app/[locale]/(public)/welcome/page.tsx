import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/guards";

/**
 * Where sign-in lands: sends the user on to their own space, in the language saved in their
 * profile (a customer who chose Arabic last time gets Arabic on any device).
 */
export default async function WelcomePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/");
  redirect(`/${user.locale}/${user.role === "customer" ? "dashboard" : "backoffice"}`);
}
