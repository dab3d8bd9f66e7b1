"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-render the page every few seconds while a payment waits for its provider's confirmation.
 * Without JavaScript, the page's own <meta http-equiv="refresh"> does the same.
 */
export function AutoRefresh({ seconds = 2.5 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
