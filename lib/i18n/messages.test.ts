import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(MESSAGES[l] as Tree)]));
const allKeys = new Set(LOCALES.flatMap((l) => [...catalogues[l]!.keys()]));

describe("message catalogues", () => {
  it.each(LOCALES)("%s has every key that another language has", (locale) => {
    const missing = [...allKeys].filter((k) => !catalogues[locale]!.has(k));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = [...catalogues[locale]!].filter(([, v]) => !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)("%s uses the same placeholders as English in every message", (locale) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const differ = [...catalogues.en!].filter(
      ([k, v]) =>
        JSON.stringify(names(v)) !== JSON.stringify(names(catalogues[locale]!.get(k) ?? "")),
    );
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it.each(LOCALES)("%s messages are valid ICU and render with their values", (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale] });
    for (const [key, value] of catalogues[locale]!) {
      const values = Object.fromEntries(
        [...value.matchAll(/\{(\w+)/g)].map((m) => [m[1], m[1] === "count" ? 3 : "x"]),
      );
      const rendered = t(key as never, values as never) as string;
      expect(rendered, key).not.toContain(key);
      expect(rendered.length, key).toBeGreaterThan(0);
    }
  });

  it("writes Arabic in Arabic script and French with its accents", () => {
    expect(MESSAGES.ar.nav.signIn).toMatch(/[\u0600-\u06ff]/);
    expect(MESSAGES.fr.contracts.service.electricity).toBe("Électricité");
  });
});
