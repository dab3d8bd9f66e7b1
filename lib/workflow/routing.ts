/**
 * Routing of customer submissions to a department: ordered rules, first match wins, with a
 * default rule as the catch-all. Pure, so that the admin screen can preview a rule set against
 * sample texts with exactly the logic the intake uses.
 */
import { toAsciiDigits } from "@/lib/i18n/digits";

export type Priority = "low" | "normal" | "high" | "urgent";
export type Service = "electricity" | "water" | "sanitation";
export type Channel = "web" | "phone" | "counter" | "email" | "api";

export type RoutingRule = {
  id: string;
  position: number;
  active: boolean;
  kind: string | null;
  service: Service | null;
  zone: string | null;
  channel: Channel | null;
  keywords: string[];
  departmentCode: string;
  priority: Priority | null;
  validFrom: Date | null;
  validUntil: Date | null;
  isDefault: boolean;
};

export type RoutingInput = {
  kind: string;
  service?: Service | null;
  zone?: string | null;
  channel: Channel;
  text: string;
};

export type RoutingDecision = {
  ruleId: string;
  departmentCode: string;
  priority: Priority;
  /** The keyword as the admin typed it, or null when the rule has no keywords. */
  matchedKeyword: string | null;
};

// Alef with hamza above/below, with madda, and alef wasla: customers type them interchangeably.
const ALEF_FORMS = /[\u0623\u0625\u0622\u0671]/g;
// Tashkeel (fathatan … sukun, hamza marks), superscript alef and tatweel carry no meaning for
// matching and are mostly absent from what people type.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const LATIN_COMBINING_MARKS = /[\u0300-\u036F]/g;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Normalise a text or a keyword so that spelling variants compare equal: lower case, French
 * accents removed (é→e, ç→c, œ→oe), Arabic diacritics and tatweel removed, alef forms unified,
 * ة→ه, ى→ي, Arabic-Indic digits → ASCII, and any run of punctuation or spaces → one space.
 */
export function normaliseForMatching(text: string): string {
  return (
    toAsciiDigits(text)
      .toLowerCase()
      // NFKD splits é into e + accent (and presentation forms such as ﻻ into letters); NFKC
      // afterwards recomposes what should stay whole, such as ؤ and ئ.
      .normalize("NFKD")
      .replace(LATIN_COMBINING_MARKS, "")
      .normalize("NFKC")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(ALEF_FORMS, "\u0627")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064A")
      .replace(ARABIC_MARKS, "")
      // "d'électricité" must match "d electricite": apostrophes and hyphens separate words.
      .replace(NOT_WORD, " ")
      .trim()
  );
}

/**
 * Whether a normalised keyword occurs in a normalised text. Arabic glues prefixes (ال, و, ب, ل)
 * to words, so Arabic keywords match as substrings; other scripts match whole words only, so
 * that "leak" does not fire on "bleak".
 */
function keywordOccurs(normalisedText: string, normalisedKeyword: string): boolean {
  // A keyword that normalises to nothing would match every text: treat it as never matching.
  if (normalisedKeyword === "") return false;
  if (ARABIC_LETTER.test(normalisedKeyword)) return normalisedText.includes(normalisedKeyword);
  return ` ${normalisedText} `.includes(` ${normalisedKeyword} `);
}

function inForce(rule: RoutingRule, now: Date): boolean {
  if (!rule.active) return false;
  if (rule.validFrom && now < rule.validFrom) return false;
  if (rule.validUntil && now >= rule.validUntil) return false;
  return true;
}

function criteriaMatch(rule: RoutingRule, input: RoutingInput): boolean {
  return (
    (rule.kind === null || rule.kind === input.kind) &&
    (rule.service === null || rule.service === (input.service ?? null)) &&
    (rule.zone === null || rule.zone === (input.zone ?? null)) &&
    (rule.channel === null || rule.channel === input.channel)
  );
}

/**
 * Route a submission: rules in `position` order (ties by id, so the outcome does not depend on
 * the order the database returned them in); inactive rules and rules outside
 * [validFrom, validUntil) are skipped; null criteria match anything; a rule with keywords needs
 * at least one of them in the text. Default rules are consulted only when no other rule
 * matches, whatever their position. Throws when nothing matches and there is no default.
 */
export function routeSubmission(
  rules: RoutingRule[],
  input: RoutingInput,
  now: Date,
  fallbackPriority: Priority = "normal",
): RoutingDecision {
  const ordered = rules
    .filter((rule) => inForce(rule, now))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const text = normaliseForMatching(input.text);

  for (const rule of ordered) {
    if (rule.isDefault || !criteriaMatch(rule, input)) continue;
    let matchedKeyword: string | null = null;
    if (rule.keywords.length > 0) {
      matchedKeyword =
        rule.keywords.find((k) => keywordOccurs(text, normaliseForMatching(k))) ?? null;
      if (matchedKeyword === null) continue;
    }
    return decide(rule, matchedKeyword, fallbackPriority);
  }

  // The default is a catch-all: its criteria and keywords are not consulted, otherwise a
  // mis-set default would make intake throw for the very submissions it exists to catch.
  const fallback = ordered.find((rule) => rule.isDefault);
  if (fallback) return decide(fallback, null, fallbackPriority);
  throw new Error("no routing rule matches and no default rule");
}

function decide(
  rule: RoutingRule,
  matchedKeyword: string | null,
  fallbackPriority: Priority,
): RoutingDecision {
  return {
    ruleId: rule.id,
    departmentCode: rule.departmentCode,
    priority: rule.priority ?? fallbackPriority,
    matchedKeyword,
  };
}
