import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/**
 * The API's list cursor (API.md: "Lists are paginated with `?cursor=` and return `nextCursor`"):
 * the last row's sort key, opaque to clients (base64url of the key fields joined by `|`).
 * Each list declares its key fields with a check; a cursor decodes only when it has exactly
 * those fields and each passes, so garbage, an oversized value or another list's cursor is
 * refused before it reaches SQL (where a malformed date or uuid would be a 500, not a 400).
 */

/** Longer than any key we encode; a bigger value is not ours and is not decoded at all. */
export const MAX_CURSOR_LENGTH = 256;

/** How many rows a page of an API list holds unless the list says otherwise. */
export const API_PAGE_SIZE = 50;

type Check = (value: string) => boolean;

/** The UTC instant of `YYYY-MM-DDTHH:MM:SS` when that date and time exist (no 02-30, no 25:00). */
function exists(dateTime: string): boolean {
  const ms = Date.parse(`${dateTime}Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === dateTime;
}

/** A calendar date (YYYY-MM-DD) that exists. */
export const isoDate: Check = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && exists(`${v}T00:00:00`);

/**
 * An instant at PostgreSQL's precision (microseconds, UTC), as listContractReadings prints it:
 * a JavaScript Date would round to milliseconds and skip or repeat rows that differ below that.
 */
export const isoMicros: Check = (v) => {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{6}Z$/.exec(v);
  return !!m && exists(m[1]!);
};

export const uuid: Check = (v) => isUuid(v);

export const oneOf =
  (...values: readonly string[]): Check =>
  (v) =>
    values.includes(v);

/**
 * A stored code (contract or bill number), compared as text: bounded, without the separator or
 * control characters (stored numbers may hold spaces, dots or dashes).
 */
export const code: Check = (v) => /^[^|\u0000-\u001f\u007f]{1,64}$/.test(v);

export type CursorCodec<K extends string> = {
  encode(key: Record<K, string>): string;
  /** The key, or null when the cursor is absent, oversized or not this list's. */
  decode(cursor: string | null | undefined): Record<K, string> | null;
  /**
   * The `cursor` query parameter: undefined when absent (first page), the key when valid, and
   * a VALIDATION_FAILED `cursor: invalid` (localised by apiRoute) otherwise.
   */
  read(search: URLSearchParams): Record<K, string> | undefined;
};

/** A cursor over the given key fields, in sort order (the id tie-break last). */
export function cursorCodec<K extends string>(fields: Record<K, Check>): CursorCodec<K> {
  const names = Object.keys(fields) as K[];
  const decode = (cursor: string | null | undefined): Record<K, string> | null => {
    if (!cursor || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
      return null;
    const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    if (parts.length !== names.length) return null;
    const key = {} as Record<K, string>;
    for (const [i, name] of names.entries()) {
      if (!fields[name](parts[i]!)) return null;
      key[name] = parts[i]!;
    }
    return key;
  };
  return {
    encode: (key) => Buffer.from(names.map((n) => key[n]).join("|")).toString("base64url"),
    decode,
    read(search) {
      const raw = search.get("cursor");
      // `?cursor=` with nothing is the first page, as it always was for the bills.
      if (!raw) return undefined;
      const key = decode(raw);
      if (!key) throw new AppError("VALIDATION_FAILED", "cursor", { cursor: "invalid" });
      return key;
    },
  };
}

/**
 * A page from `limit + 1` rows fetched after the cursor: the first `limit`, and the cursor of
 * the last of them when there was one more (null on the last page).
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? keyOf(page.at(-1)!) : null };
}
