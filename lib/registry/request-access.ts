import type { User } from "@/db/schema";
import type { LetterAccess } from "./downloads";

/**
 * How a download request names its letter: `entry` for registry staff (scoped in the query),
 * else `number` with the tracking `code`, or the signed-in owner's account. Null: nothing asked.
 */
export function letterAccessOf(
  params: URLSearchParams,
  user: User | null,
  isStaff: (u: Pick<User, "role">) => boolean,
): LetterAccess | null {
  const entryId = params.get("entry");
  if (entryId && user && isStaff(user)) return { entryId, staff: user };
  const number = params.get("number")?.slice(0, 40);
  const code = params.get("code")?.slice(0, 20);
  if (!number) return null;
  if (code) return { number, trackingCode: code };
  if (user?.role === "customer") return { number, userId: user.id };
  return null;
}
