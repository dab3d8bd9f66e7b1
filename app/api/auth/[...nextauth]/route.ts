// GET|POST /api/auth/* - Auth.js: csrf, session, credentials callback, sign-out
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
