import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** Session version at sign-in; a mismatch with the user row ends the session. */
    sv?: number;
  }
  interface Session {
    sv: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}
