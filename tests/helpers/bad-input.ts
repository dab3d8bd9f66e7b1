import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { MESSAGES } from "@/lib/i18n/messages";
import { rowCount } from "./workflow";

/** A form as the browser posts it: every value a string. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

/** Row counts of the tables a change would touch: equal before and after = nothing written. */
export async function snapshot(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await rowCount(db, table);
  return counts;
}

type Catalogue = { errors: Record<string, string>; validation: Record<string, string> };

/**
 * The action refused with keys the form can show in each language: the form-level code under
 * `errors.` and every field key under `validation.` exist, as sentences, in ar, fr and en.
 */
export function expectLocalisedRefusal(
  state: FormState,
  expected: { formError?: string; fields?: Record<string, string> },
): void {
  expect(state.status).toBe("error");
  if (state.status !== "error") return;
  // An internal error is a crash reported as a refusal, never an answer to bad input.
  expect(state.formError).not.toBe("INTERNAL");
  if (expected.formError !== undefined) expect(state.formError).toBe(expected.formError);
  if (expected.fields !== undefined) expect(state.fields).toMatchObject(expected.fields);
  for (const locale of ["ar", "fr", "en"] as const) {
    const messages = MESSAGES[locale] as unknown as Catalogue;
    if (state.formError)
      expect(messages.errors[state.formError], locale).toEqual(expect.any(String));
    for (const key of Object.values(state.fields ?? {}))
      expect(messages.validation[key], `${locale} validation.${key}`).toEqual(expect.any(String));
  }
}

/** Row counts of every table of the application's schema, for "nothing at all was written". */
export async function snapshotAll(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return snapshot(
    db,
    (rows as { name: string }[]).map((r) => r.name),
  );
}
