/**
 * People type numbers with the digits their keyboard gives them: Arabic-Indic (٠-٩, Arabic
 * keyboards in Morocco and the Gulf) or Eastern Arabic-Indic (۰-۹, Persian and Urdu keyboards).
 * These helpers turn them into ASCII digits before any parsing.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0;

export function toAsciiDigits(input: string): string {
  let out = "";
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) {
      out += String(code - ARABIC_INDIC_ZERO);
    } else if (code >= EASTERN_ARABIC_INDIC_ZERO && code <= EASTERN_ARABIC_INDIC_ZERO + 9) {
      out += String(code - EASTERN_ARABIC_INDIC_ZERO);
    } else {
      out += ch;
    }
  }
  return out;
}

// Spaces of every kind may sit anywhere ("12 345"); a comma, dot, apostrophe or Arabic
// thousands separator (U+066C) only between groups of exactly three digits, so that "12,5" or
// "12.5" (decimals) are refused rather than read as 125.
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const GROUPED = /^\d{1,3}(?:([,.'\u066c])\d{3})(?:\1\d{3})*$/;

/**
 * Parse a whole, non-negative number typed by a person, in any of the digit sets above, with
 * spaces or thousands separators. Returns the digits as a string (indexes may exceed 2^53 when
 * someone types forty digits, and must be refused, not rounded), or null when it is not one.
 */
export function parseWholeNumber(input: string): string | null {
  const compact = toAsciiDigits(input).replace(SPACES, "");
  let digits: string;
  if (/^\d+$/.test(compact)) digits = compact;
  else if (GROUPED.test(compact)) digits = compact.replace(/[,.'\u066c]/g, "");
  else return null;
  return digits.replace(/^0+(?=\d)/, "");
}
