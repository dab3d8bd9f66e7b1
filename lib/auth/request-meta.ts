/** Where a request came from, for throttling and the audit log. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * The client address is the last entry of X-Forwarded-For: the one appended by the closest
 * proxy (Next's own server, or the load balancer in front of it). Earlier entries are whatever
 * the client chose to send, so trusting them would let anyone dodge the IP throttle.
 */
export function requestMetaFrom(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last ?? headers.get("x-real-ip") ?? null;
  const userAgent = headers.get("user-agent")?.slice(0, 400) ?? null;
  return { ip: ip && isIp(ip) ? stripV4Mapped(ip) : null, userAgent };
}

function isIp(value: string): boolean {
  return /^[0-9a-fA-F:.]{2,45}$/.test(value);
}

function stripV4Mapped(ip: string): string {
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}
