import type { ReactNode } from "react";

// The <html> element lives in app/[locale]/layout.tsx, where the language and direction are
// known; this root only passes through (next-intl's recommended shape).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
