import type { ReactNode } from "react";
import { PublicShell } from "@/components/layout/public-shell";
import { getCurrentUser } from "@/lib/auth/guards";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { signOutAction, switchLanguageAction } from "../shell-actions";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [user, utility] = await Promise.all([getCurrentUser(), getCurrentUtility()]);
  return (
    <PublicShell
      user={user}
      utility={utility}
      switchLanguage={switchLanguageAction}
      signOut={signOutAction}
    >
      {children}
    </PublicShell>
  );
}
