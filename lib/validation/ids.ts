// The full 8-4-4-4-12 shape. A looser test lets "----…" through to PostgreSQL, whose uuid cast
// then fails (22P02) and turns a "not found" into a server error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL, a form or a cookie can be compared with a uuid column. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
