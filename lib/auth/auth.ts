import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { verifyCredentials } from "./accounts";
import { requestMetaFrom } from "./request-meta";
import { signInSchema } from "./schemas";

/** The codes travel in the redirect URL, so they say nothing about whether an e-mail exists. */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class EmailNotVerified extends CredentialsSignin {
  code = "email_not_verified";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Sessions are signed, encrypted cookies (stateless web tier); the user row is re-read on
  // every request by lib/auth/guards.ts, so a disabled account or a reset password takes effect
  // at once through the session version.
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600, updateAge: 24 * 3600 },
  trustHost: true,
  logger: {
    // A wrong password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await verifyCredentials(
            getDb(),
            parsed.data,
            requestMetaFrom(request.headers),
          );
          return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
        } catch (error) {
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new RateLimited();
          if (isAppError(error) && error.code === "EMAIL_NOT_VERIFIED")
            throw new EmailNotVerified();
          if (isAppError(error)) throw new InvalidCredentials();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sv;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") {
        session.user.id = token.uid;
        session.sv = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
});
