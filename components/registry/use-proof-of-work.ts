"use client";

import { useEffect, useState } from "react";

function zeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Solves the server's proof-of-work challenge in the background with Web Crypto (no third
 * party): the nonce whose SHA-256 with the challenge starts with the challenge's number of zero
 * bits. Hashes go in batches, so the page stays responsive. Null until found (or without one).
 */
export function useProofOfWork(challenge: string | null): string | null {
  const [nonce, setNonce] = useState<string | null>(null);
  useEffect(() => {
    if (!challenge) return;
    let cancelled = false;
    const bits = Number(challenge.split(".")[2]);
    const encoder = new TextEncoder();
    (async () => {
      for (let base = 0; !cancelled; base += 256) {
        const digests = await Promise.all(
          Array.from({ length: 256 }, (_, i) =>
            crypto.subtle.digest("SHA-256", encoder.encode(`${challenge}:${base + i}`)),
          ),
        );
        const hit = digests.findIndex((d) => zeroBits(new Uint8Array(d)) >= bits);
        if (hit >= 0) {
          if (!cancelled) setNonce(String(base + hit));
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [challenge]);
  return nonce;
}
