import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

const intl = createMiddleware(routing);

// Signed-in areas by route group. The proxy only redirects visitors with no session cookie to
// sign in; every page, action and handler checks the real session again on the server.
const PROTECTED = /^\/(ar|fr|en)\/(dashboard|contracts|profile|backoffice)(\/|$)/;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const match = PROTECTED.exec(pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = `/${match[1]}/sign-in`;
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return intl(request);
}

export const config = {
  // Everything but machine routes, Next's own files and public files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
