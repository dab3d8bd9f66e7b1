import { BASE_URL, DEMO_PASSWORD } from "./browser";

/**
 * A scripted client signed in through Auth.js's credentials callback, as a mobile app or a
 * script would: fetch the CSRF token, post e-mail and password, keep the session cookie.
 */
export async function sessionCookieFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find(
      (c) =>
        c.startsWith("authjs.session-token=") || c.startsWith("__Secure-authjs.session-token="),
    );
  if (!session)
    throw new Error(`sign-in failed for ${email}: ${res.status} ${res.headers.get("location")}`);
  return session;
}

export function get(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  return fetch(`${BASE_URL}${path}`, { ...init, headers, redirect: "manual" });
}
