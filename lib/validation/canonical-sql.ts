import { sql, type SQL } from "drizzle-orm";

/**
 * The SQL side of `canonicalCode` (fields.ts): a printed code (contract number, meter serial,
 * customer code) upper-cased without spaces, dashes, slashes or dots. The expression is indexed
 * on contracts.contract_no and meters.serial, so keep it byte for byte the same.
 */
export function canonicalSql(column: unknown): SQL {
  return sql`upper(regexp_replace(${column}, '[[:space:]_./-]', '', 'g'))`;
}
